import ArgumentParser
import Foundation
import GRDB
import HTTP
import Provisioning
import SCIM
import Store

/// Times the incremental sync that runs most often: PEOPLE people all linked and in step with the
/// app, CHANGED of them edited in the directory. The plan must cost well under a second and the
/// sync must send only the changed people's requests. The changed people are made in the server
/// for real; the others are linked to ids the server does not hold, so any request for one of them
/// would show as a failure.
struct IncrementalSyncBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "incremental", abstract: "Time an incremental sync of a large linked directory.")

    @Option(help: "The SCIM base URL of a throwaway server.") var url: String
    @Option(help: "People in the directory, all linked.") var people = 100_000
    @Option(help: "People changed in the directory since the last sync.") var changed = 100
    @Option(help: "Requests in flight.") var concurrency = 4

    func run() async throws {
        let workspace = try BenchWorkspace()
        defer { workspace.remove() }
        let (token, store) = (workspace.token, workspace.store)
        let app = try makeApp(store: store, token: token)
        let appID = app.id
        let engine = ProvisioningEngine(store: store, app: app)
        let transport = try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: concurrency))
        let client = try engine.client(transport: transport)

        try await linkEveryone(store: store, engine: engine, client: client, appID: appID)
        let unchanged = try engine.plan()
        guard unchanged.operations.isEmpty else { throw ValidationError("setting up left \(unchanged.operations.count) operations") }
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE person SET lastName = lastName || ' (changed)' WHERE id <= ?", arguments: [changed])
        }

        let planStart = ContinuousClock.now
        let snapshot = try await SnapshotLoader.load(store, appID: appID)
        let loadSeconds = Self.seconds(ContinuousClock.now - planStart)
        let plan = try Planner().plan(snapshot)
        let planSeconds = Self.seconds(ContinuousClock.now - planStart)
        let logBefore = try store.provisioning.requestLog(appId: appID, limit: 10_000_000).count
        let start = ContinuousClock.now
        let result = try await engine.sync(client: client, concurrency: concurrency)
        let syncSeconds = Self.seconds(ContinuousClock.now - start)
        let requests = try store.provisioning.requestLog(appId: appID, limit: 10_000_000).count - logBefore
        print(String(format: "incremental sync: %d linked people, %d changed → plan %.3f s (%.3f s of it reading the store; %d operations), sync %.2f s, %d requests (%.1f per changed person), %d failed",
                     people, changed, planSeconds, loadSeconds, plan.operations.count, syncSeconds, requests, Double(requests) / Double(max(1, changed)),
                     result.report.failures.count))
    }

    /// Every person linked with the hash of the profile they would be sent: in step with the app.
    /// The first CHANGED are created in the server (their updates are real requests).
    private func linkEveryone(store: ScimdeckStore, engine: ProvisioningEngine, client: SCIMClient, appID: Int64) async throws {
        var remoteIDs: [Int64: String] = [:]
        for index in 1...changed {
            let created = try await client.createUser(SCIMUser(userName: "bench\(index)@example.com"))
            remoteIDs[Int64(index)] = created.id
        }
        let plan = try engine.plan()
        let made = remoteIDs
        try await store.writer.write { db in
            let now = Date()
            for operation in plan.operations {
                guard case .provisionUser(let personID, let profile) = operation else { continue }
                try db.execute(sql: "INSERT INTO remoteLink (appId, kind, localId, remoteId, lastPayloadHash, status, updatedAt) VALUES (?, 'user', ?, ?, ?, 'active', ?)",
                               arguments: [appID, personID, made[personID] ?? "not-in-the-server-\(personID)", profile.payloadHash, now])
            }
        }
    }

    private func makeApp(store: ScimdeckStore, token: BearerToken) throws -> Saved<AppIntegration> {
        try store.writer.write { db in
            for index in 1...people {
                let email = "bench\(index)@example.com"
                try db.execute(sql: "INSERT INTO person (id, login, loginKey, firstName, lastName, email, status, attributes, source, searchKey, updatedAt) VALUES (?, ?, ?, ?, ?, ?, 'active', '{}', 'bench', ?, ?)",
                               arguments: [index, email, email, "First\(index)", "Last\(index)", email, email, Date()])
            }
        }
        let mappings = Catalog.axiadCloud.defaultMappings.map { Store.AttributeMapping(appId: 0, scimAttribute: $0.attribute, expression: $0.expression) }
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: url, createUsers: true, updateUserAttributes: true, deactivateUsers: true)
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "bench"), signOn: SignOnSettings(appId: 0), provisioning: settings, mappings: mappings)
        let appID = app.id
        try store.secrets.set(SecretValue(token.revealedForStorage), name: SecretName.apiToken, appId: appID)
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO assignment (appId, personId, createdAt) SELECT ?, id, ? FROM person", arguments: [appID, Date()])
        }
        return app
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
