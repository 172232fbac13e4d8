import Foundation
import HTTP
import Provisioning
import SCIM
import Store
import TestSupport
import ViewModels
import XCTest

/// An in-memory store holding an Axiad Cloud app added as `app add` adds it (catalog mappings, nothing
/// configured) and a few people with non-ASCII names, plus a runner over the libcurl transport.
struct TabWorld {
    static let transport: CurlTransport = {
        do {
            return try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: 4, connectTimeout: 5))
        } catch {
            preconditionFailure("libcurl transport did not start: \(error)")
        }
    }()

    let store: ScimdeckStore
    let app: Saved<AppIntegration>
    let runner: ProvisioningEffectRunner

    var appID: Int64 { app.id ?? -1 }

    init(catalog: CatalogEntry = Catalog.axiadCloud, label: String = "Axiad Cloud (test)") throws {
        store = try ScimdeckStore()
        let mappings = catalog.defaultMappings.map {
            Store.AttributeMapping(appId: 0, scimAttribute: $0.attribute, expression: $0.expression)
        }
        app = try store.apps.add(AppIntegration(catalogEntry: catalog.id, label: label), signOn: SignOnSettings(appId: 0),
                                 provisioning: ProvisioningSettings(appId: 0), mappings: mappings)
        try store.directory.addPerson(Person(login: "jose.nunez@corp.example", firstName: "José", lastName: "Núñez",
                                             email: "jose.nunez@corp.example", attributes: ["department": "Ingeniería"]))
        try store.directory.addPerson(Person(login: "xiaolong.li@corp.example", firstName: "小龙", lastName: "李",
                                             email: "xiaolong.li@corp.example"))
        try store.directory.addPerson(Person(login: "zoe.odegaard@corp.example", firstName: "Zoë", lastName: "Ødegaard", email: ""))
        runner = ProvisioningEffectRunner(store: store, app: app, transport: Self.transport)
    }

    /// Stores a base URL and token as a saved Integration form would.
    func configure(baseURL: URL, token: String, enabled: Bool = true) throws {
        var settings = try XCTUnwrap(try store.records(ProvisioningSettings.self).fetch(key: appID))
        settings.baseURL = baseURL.absoluteString
        settings.apiIntegrationEnabled = enabled
        try store.records(ProvisioningSettings.self).save(settings)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: appID)
    }

    func settings() throws -> ProvisioningSettings {
        try XCTUnwrap(try store.records(ProvisioningSettings.self).fetch(key: appID))
    }

    func storedToken() throws -> String? {
        try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText()
    }
}
