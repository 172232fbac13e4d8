import Provisioning
import SCIM
import Store

/// What every screen works on: the store, where it lives (for the header), and the
/// optional hooks the executable supplies (the console itself holds no HTTP client).
public final class Workspace: Sendable {
    public let store: ScimdeckStore
    /// The store path as the header shows it.
    public let location: String
    /// Runs a sync for an app; nil where no transport is wired (tests of pure screens).
    public let syncRunner: SyncRunner?
    /// Creates the demo workspace; nil when no demo server was started (`make run` starts one).
    public let demoMaker: (@Sendable () throws -> String)?
    /// What the Provisioning tab tests credentials and reads /Schemas through; nil where no network is wired.
    public let scimTransport: (any HTTPTransport)?

    public init(store: ScimdeckStore, location: String, syncRunner: SyncRunner? = nil,
                demoMaker: (@Sendable () throws -> String)? = nil, scimTransport: (any HTTPTransport)? = nil) {
        self.store = store
        self.location = location
        self.syncRunner = syncRunner
        self.demoMaker = demoMaker
        self.scimTransport = scimTransport
    }

    /// The Sign On tab's settings, signing key and preview, on this store.
    public var signOnRunner: SignOnEffectRunner { SignOnEffectRunner(service: SignOnService(store: store)) }

    /// The Provisioning tab's effects for one app; throws when the app is gone.
    public func provisioningRunner(appID: Int64) throws -> ProvisioningEffectRunner {
        guard let app = try store.apps.app(id: appID) else { throw AppDetail.Failure.gone(appID) }
        return ProvisioningEffectRunner(store: store, app: app, transport: scimTransport ?? NoNetworkTransport())
    }

    /// True when there is nothing in the store yet: no app, no person (the demo is offered then).
    public func isEmpty() throws -> Bool {
        try store.apps.all().isEmpty && store.directory.peopleCount() == 0
    }
}
