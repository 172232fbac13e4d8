import Foundation
import Provisioning
import Store

/// The demo workspace `make run` offers on an empty store: the sample directory, and an
/// Axiad Cloud app pointed at the scim2-server the run script started on loopback, with
/// Everyone assigned, Engineering pushed and Sign On filled in, so a newcomer presses `s` and sees
/// provisioning, or Preview SAML and sees a signed Response.
public struct DemoWorkspace: Sendable {
    public static let appLabel = "Axiad Cloud (demo)"
    public static let assignedGroup = "Everyone"
    public static let pushedGroup = "Engineering"
    /// Sign On as the guide fills it for an Axiad tenant, so Preview SAML works in the demo at once.
    public static let signOn = SignOnConfiguration(
        defaultRelayState: "https://access-demo.cloud.axiadids.net/auth/realms/master/",
        acsURL: "https://access-demo.cloud.axiadids.net/auth/realms/master/broker/okta/endpoint",
        audienceURI: "https://access-demo.cloud.axiadids.net/auth/realms/master/",
        nameIDFormat: .emailAddress, applicationUsername: .email
    )

    public var directoryFile: String
    public var baseURL: String
    public var token: String

    public init(directoryFile: String, baseURL: String, token: String) {
        self.directoryFile = directoryFile
        self.baseURL = baseURL
        self.token = token
    }

    public enum Failure: Error, CustomStringConvertible {
        case importRejected(String)
        case missingGroup(String)
        public var description: String {
            switch self {
            case .importRejected(let reason): return "The sample directory was not imported: \(reason)"
            case .missingGroup(let name): return "The sample directory has no group “\(name)”."
            }
        }
    }

    /// Creates the demo, or — when the demo app exists (a later `make run`, a new server) — points
    /// it at this server and forgets its links, since the fresh server holds nobody yet.
    @discardableResult
    public func apply(to store: ScimdeckStore) throws -> String {
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: baseURL, createUsers: true,
                                            updateUserAttributes: true, deactivateUsers: true, requestProfile: .okta)
        if let appID = try store.apps.app(named: Self.appLabel)?.id {
            var updated = settings
            updated.appId = appID
            _ = try store.records(ProvisioningSettings.self).save(updated)
            try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: appID)
            for link in try store.records(RemoteLink.self).all(appId: appID) {
                if let id = link.id { _ = try store.records(RemoteLink.self).delete(key: id) }
            }
            return "The demo app now provisions to \(baseURL) (a fresh server: every user will be created again)."
        }
        let report = try DirectoryImporter(store: store).importFile(at: directoryFile)
        if report.outcome == .rejected {
            throw Failure.importRejected(report.errors.first.map { "\($0)" } ?? "errors in the file")
        }
        let app = try AppCreation.add(entry: Catalog.axiadCloud, label: Self.appLabel, stack: .demoTest, provisioning: settings, in: store)
        let appID = app.id
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: appID)
        try SignOnService(store: store).save(Self.signOn, appID: appID)
        guard let everyone = try store.directory.group(name: Self.assignedGroup)?.id else { throw Failure.missingGroup(Self.assignedGroup) }
        guard let engineering = try store.directory.group(name: Self.pushedGroup)?.id else { throw Failure.missingGroup(Self.pushedGroup) }
        _ = try store.records(Assignment.self).insert(Assignment(appId: appID, personId: nil, groupId: everyone))
        _ = try store.records(PushGroupLink.self).insert(PushGroupLink(appId: appID, groupId: engineering))
        return "Demo workspace ready: \(report.peopleAdded) people, \(report.groupsAdded) groups, and “\(Self.appLabel)” provisioning to \(baseURL)."
    }
}
