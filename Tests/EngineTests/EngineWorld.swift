import Foundation
import HTTP
import Provisioning
import SCIM
import Store
import TestSupport

/// A store with the sample people, an Axiad Cloud app pointed at its own fresh service provider
/// (scim2-server unless given another), and a SCIM client to look at what the server holds.
final class EngineWorld: @unchecked Sendable {
    static let transport: CurlTransport = {
        do {
            return try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: 8))
        } catch {
            preconditionFailure("libcurl transport did not start: \(error)")
        }
    }()

    static let fastRetry = SCIMRetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxTotalDelay: 2)

    let server: any SCIMServiceProvider
    let store: ScimdeckStore
    let appID: Int64
    /// A client of the server that records nothing: the tests' own view of the app.
    let inspector: SCIMClient

    init(toggles: ProvisioningToggles = .allOn, server: (any SCIMServiceProvider)? = nil) throws {
        self.server = try server ?? SCIMServerFixture.start()
        store = try ScimdeckStore()
        let mappings = Catalog.axiadCloud.defaultMappings.map {
            Store.AttributeMapping(appId: 0, scimAttribute: $0.attribute, expression: $0.expression)
        }
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: self.server.baseURL.absoluteString,
                                            createUsers: toggles.createUsers, updateUserAttributes: toggles.updateUserAttributes,
                                            deactivateUsers: toggles.deactivateUsers)
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "Axiad Cloud (test)"),
                                     signOn: SignOnSettings(appId: 0), provisioning: settings, mappings: mappings)
        appID = try XCTUnwrapValue(app.id)
        try store.secrets.set(SecretValue(self.server.token), name: SecretName.apiToken, appId: appID)
        inspector = SCIMClient(configuration: SCIMClientConfiguration(baseURL: self.server.baseURL, token: try XCTUnwrapValue(BearerToken(self.server.token))),
                               transport: Self.transport)
    }

    deinit { server.stop() }

    var engine: ProvisioningEngine {
        get throws { ProvisioningEngine(store: store, app: try XCTUnwrapValue(try store.apps.app(named: "Axiad Cloud (test)"))) }
    }

    @discardableResult
    func sync(memberBatchSize: Int = 100, concurrency: Int = 4, bulkMaxOperations: Int? = nil) async throws -> SyncResult {
        let engine = try engine
        let client = try engine.client(transport: Self.transport, retry: Self.fastRetry)
        return try await engine.sync(client: client, concurrency: concurrency, memberBatchSize: memberBatchSize,
                                     bulkMaxOperations: bulkMaxOperations)
    }

    /// Points the app at `proxy` (in front of this world's server), so the proxy sees every request.
    func route(through proxy: FaultProxy) throws {
        var settings = try XCTUnwrapValue(try store.records(ProvisioningSettings.self).fetch(key: appID))
        settings.baseURL = proxy.baseURL.absoluteString
        try store.records(ProvisioningSettings.self).update(settings)
    }

    /// The forms the app was found to accept, as stored: operation → form.
    func learnedForms() throws -> [String: String] {
        Dictionary(try store.records(LearnedRequestForm.self).all(appId: appID).map { ($0.operation, $0.form) }, uniquingKeysWith: { _, last in last })
    }

    func use(profile: ProvisioningSettings.RequestProfile) throws {
        var settings = try XCTUnwrapValue(try store.records(ProvisioningSettings.self).fetch(key: appID))
        settings.requestProfile = profile
        try store.records(ProvisioningSettings.self).update(settings)
    }

    @discardableResult
    func person(_ login: String, first: String = "Zoë", last: String = "Ødegaard", email: String? = nil, groups: [String] = []) throws -> Int64 {
        let person = try store.directory.addPerson(Person(login: login, firstName: first, lastName: last, email: email ?? login))
        for group in groups {
            if try store.directory.group(name: group) == nil { try store.directory.addGroup(DirectoryGroup(name: group)) }
            _ = try store.directory.addMember(login: login, group: group)
        }
        return try XCTUnwrapValue(person.id)
    }

    func assign(person login: String) throws {
        let id = try XCTUnwrapValue(try store.directory.person(login: login)?.id)
        try store.records(Assignment.self).insert(.person(id, app: appID))
    }

    func assign(group name: String) throws {
        let id = try XCTUnwrapValue(try store.directory.group(name: name)?.id)
        try store.records(Assignment.self).insert(.group(id, app: appID))
    }

    func unassign(person login: String) throws {
        let id = try store.directory.person(login: login)?.id
        for assignment in try store.records(Assignment.self).all(appId: appID) where assignment.personId == id {
            _ = try store.records(Assignment.self).delete(key: assignment.id ?? 0)
        }
    }

    func push(group name: String) throws {
        let id = try XCTUnwrapValue(try store.directory.group(name: name)?.id)
        try store.records(PushGroupLink.self).insert(PushGroupLink(appId: appID, groupId: id))
    }

    func pushLink(group name: String) throws -> PushGroupLink {
        let id = try store.directory.group(name: name)?.id
        return try XCTUnwrapValue(try store.records(PushGroupLink.self).all(appId: appID).first { $0.groupId == id })
    }

    func remoteUsers() async throws -> [SCIMUser] { try await inspector.listAll(SCIMUser.self) }
    func remoteGroups() async throws -> [SCIMGroup] { try await inspector.listAll(SCIMGroup.self) }

    func remoteUser(_ userName: String) async throws -> SCIMUser? { try await inspector.findUser(userName: userName) }

    /// The requests the app was sent, from the request log, oldest first: "METHOD path".
    func requestLog() throws -> [String] {
        try store.provisioning.requestLog(appId: appID, limit: 100_000).reversed().map { "\($0.method) \($0.path)" }
    }
}

struct MissingValue: Error {}

func XCTUnwrapValue<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingValue() }
    return value
}

extension EngineWorld {
    /// `sync --full` through the engine, with the request log the app sees.
    @discardableResult
    func fullSync(dryRun: Bool = false, fixDuplicates: Bool = false, memberBatchSize: Int = 100, pageSize: Int = ProvisioningEngine.fullReadPageSize) async throws -> FullSyncResult {
        let engine = try engine
        let client = try engine.client(transport: Self.transport, retry: Self.fastRetry)
        return try await engine.fullSync(client: client, dryRun: dryRun, fixDuplicates: fixDuplicates,
                                         memberBatchSize: memberBatchSize, pageSize: pageSize)
    }
}
