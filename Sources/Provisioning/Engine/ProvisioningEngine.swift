import Foundation
import SCIM
import Store

/// Plans and runs provisioning for one app: reads the store, builds the SCIM client from the app's
/// settings and token, journals and applies. `scimdeck plan`, `scimdeck sync` and the console all go through it.
public struct ProvisioningEngine: Sendable {
    public let store: ScimdeckStore
    public let app: Saved<AppIntegration>
    public var appID: Int64 { app.id }

    public init(store: ScimdeckStore, app: Saved<AppIntegration>) {
        self.store = store
        self.app = app
    }

    /// The app by label (any case) or numeric id.
    public static func app(named name: String, in store: ScimdeckStore) throws -> Saved<AppIntegration> {
        guard let app = try store.apps.app(named: name) else { throw EngineError.noSuchApp(name) }
        return app
    }

    public var catalogEntry: CatalogEntry? { Catalog.entry(named: app.catalogEntry) }

    /// What a run would send now, from the store alone.
    public func plan(memberBatchSize: Int = 100) throws -> Plan {
        let snapshot = try SnapshotLoader.load(store, appID: appID)
        do {
            return try Planner(memberBatchSize: memberBatchSize).plan(snapshot)
        } catch {
            throw EngineError.invalidMapping(error.description)
        }
    }

    /// The SCIM client for the app: its base URL, and the token given (from a file or the
    /// environment) or else the one stored for the app.
    public func client(transport: any HTTPTransport, token: BearerToken? = nil, retry: SCIMRetryPolicy = .standard,
                       logging: Bool = true) throws -> SCIMClient {
        let settings = try store.records(ProvisioningSettings.self).fetch(key: appID)
        let baseURLText = settings?.baseURL ?? ""
        let stored = try storedToken()
        let connection = SyncReadiness.connection(baseURL: baseURLText, hasToken: token != nil || stored != nil)
        if let reason = connection.reason { throw EngineError.notReady(app.label, reason) }
        guard let baseURL = URL(string: baseURLText), let token = token ?? stored else { throw EngineError.notReady(app.label, .badBaseURL) }
        let recorder = RequestLogRecorder(store: store, appID: appID)
        // ETags are turned on by `sync`, and only where the provider announces them.
        let configuration = SCIMClientConfiguration(baseURL: baseURL, token: token, retry: retry,
                                                    userAgent: settings?.userAgent ?? SCIMClientConfiguration.defaultUserAgent)
        var observer: (@Sendable (SCIMExchange) -> Void)?
        if logging {
            observer = { @Sendable exchange in recorder.record(exchange) }
        }
        return SCIMClient(configuration: configuration, transport: transport, observer: observer)
    }

    /// Requests in flight for this app: its setting, else 4.
    public func concurrency() throws -> Int {
        try store.records(ProvisioningSettings.self).fetch(key: appID)?.concurrency ?? Self.defaultConcurrency
    }

    public static let defaultConcurrency = 4

    /// Whether the app can sync now; `tokenGiven`: this run brings its own token (`--token-file`, `SCIMDECK_TOKEN`).
    public func readiness(tokenGiven: Bool = false) throws -> SyncReadiness {
        try SyncReadiness.of(appID: appID, in: store, tokenGiven: tokenGiven)
    }

    public func storedToken() throws -> BearerToken? {
        try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText().flatMap(BearerToken.init)
    }

    /// Plans and applies. A run killed earlier left entries `sending`: they are closed as interrupted
    /// first, and the fresh plan (which looks every create up before sending it) covers them.
    /// - Parameter bulkMaxOperations: with the rfc7644 profile and a provider that announces Bulk,
    ///   the most user changes sent in one `/Bulk` request (never more than the provider allows).
    /// - Parameter claim: who runs; the app's run lock is held for the whole sync (a second run waits
    ///   or fails with `EngineError.appBusy`).
    public func sync(client: SCIMClient, concurrency: Int = 4, memberBatchSize: Int = 100, bulkMaxOperations: Int? = nil,
                     claim: RunClaim = RunClaim(holder: "scimdeck"),
                     progress: @escaping @Sendable (ApplyProgress) -> Void = { _ in }) async throws -> SyncResult {
        try await withRunLock(claim) {
            try await syncHoldingLock(client: client, concurrency: concurrency, memberBatchSize: memberBatchSize,
                                      bulkMaxOperations: bulkMaxOperations, progress: progress)
        }
    }

    private func syncHoldingLock(client: SCIMClient, concurrency: Int, memberBatchSize: Int, bulkMaxOperations: Int?,
                                 progress: @escaping @Sendable (ApplyProgress) -> Void) async throws -> SyncResult {
        let settings = try await store.records(ProvisioningSettings.self).read(key: appID)
        // The client was built from a base URL and a token already: integration being on is what is left to ask.
        if let reason = try readiness(tokenGiven: true).reason { throw EngineError.notReady(app.label, reason) }
        let interrupted = try await store.runJournal.abandonUnfinished(appId: appID)
        let plan = try await planReadingPushNowGroups(client: client, memberBatchSize: memberBatchSize)
        let profile: ProvisioningProfile = settings?.requestProfile == .rfc7644 ? .rfc7644 : .okta
        let ledger = StoreLedger(store: store, appID: appID)
        let target = await target(client: client, profile: profile, bulkMaxOperations: bulkMaxOperations)
        let executor = PlanExecutor(target: target, ledger: ledger,
                                    concurrency: concurrency, updatesLinkedUsers: settings?.updateUserAttributes ?? false)
        let report = await executor.apply(plan, progress: progress)
        return SyncResult(runID: ledger.runID, plan: plan, report: report, interruptedEntries: interrupted)
    }
}

extension ProvisioningEngine {
    /// The target for a run. With rfc7644, what `/ServiceProviderConfig` announces decides: ETags
    /// (`If-Match`) and Bulk for user changes. Discovery that fails leaves both off: the run's own
    /// requests then meet the same failure and journal it per operation, as with the okta profile.
    func target(client: SCIMClient, profile: ProvisioningProfile, bulkMaxOperations: Int?) async -> SCIMProvisioningTarget {
        let forms = learnedForms()
        guard profile == .rfc7644, let discovery = try? await client.discover() else {
            return SCIMProvisioningTarget(client: client, profile: profile, forms: forms)
        }
        var client = client
        client.configuration.useETags = discovery.etagSupported
        var limits = SCIMBulkLimits(discovery.serviceProviderConfig)
        if let cap = bulkMaxOperations, let announced = limits?.maxOperations {
            limits?.maxOperations = max(1, min(cap, announced))
        }
        return SCIMProvisioningTarget(client: client, profile: profile, bulkLimits: limits, forms: forms)
    }

    /// The request forms this app was found to accept, remembered in the store as soon as a run
    /// learns one. A store that cannot be read or written costs only the relearning.
    func learnedForms() -> RequestFormBook {
        let table = store.records(LearnedRequestForm.self)
        let rows = (try? table.all(appId: appID)) ?? []
        let stored = Dictionary(rows.map { ($0.operation, $0.form) }, uniquingKeysWith: { _, last in last })
        let appID = appID
        return RequestFormBook(RequestForms(stored: stored)) { operation, form in
            _ = try? table.save(LearnedRequestForm(appId: appID, operation: operation.rawValue, form: form))
        }
    }
}
