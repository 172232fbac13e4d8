import ArgumentParser
import Foundation
import GRDB
import HTTP
import Provisioning
import SCIM
import Store

/// Times `sync --full` of USERS linked people the app already holds unchanged: the read of every
/// user and group, the comparison and the (empty) apply. Point it at a throwaway server: it fills it.
/// Prints `full-sync-seconds=S` last, for scripts/bench-sync.sh to compare with a plain paged GET.
struct FullSyncBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "full-sync", abstract: "Time sync --full of linked users that did not change.")

    @Option(help: "The SCIM base URL of a throwaway server.") var url: String
    @Option(help: "Users the app holds, each linked to a directory person.") var users = 10_000
    @Option(help: "Requests in flight while seeding the server.") var concurrency = 8

    func run() async throws {
        guard let baseURL = URL(string: url) else { throw ValidationError("not a URL: \(url)") }
        let workspace = try BenchWorkspace()
        defer { workspace.remove() }
        let (token, store) = (workspace.token, workspace.store)
        let transport = try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: concurrency))
        let seeder = SCIMClient(configuration: SCIMClientConfiguration(baseURL: baseURL, token: token), transport: transport)

        let app = try makeApp(store: store, token: token)
        let remoteIDs = try await seed(seeder)
        try link(store: store, appID: app.id, remoteIDs: remoteIDs)

        let engine = ProvisioningEngine(store: store, app: app)
        let client = try engine.client(transport: transport)
        let start = ContinuousClock.now
        let result = try await engine.fullSync(client: client)
        let elapsed = (ContinuousClock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let requests = try store.provisioning.requestLog(appId: app.id, limit: 1_000_000).count
        print(String(format: "sync --full: %d users read, %d corrections, %d operations, %d requests in %.2f s",
                     result.usersRead, result.corrections.count, result.plan.operations.count, requests, seconds))
        print(String(format: "full-sync-seconds=%.3f", seconds))
    }

    private func email(_ index: Int) -> String { "full\(index)@example.com" }

    private func seed(_ client: SCIMClient) async throws -> [Int: String] {
        let mapper = try ProfileMapper(mappings: Catalog.axiadCloud.defaultMappings)
        var ids: [Int: String] = [:]
        try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                let profile = mapper.map(profile(index))
                group.addTask { (index, try await client.createUser(ProfileEncoder.newUser(profile)).id) }
            }
            while next < min(concurrency, users) { add() }
            for try await (index, id) in group {
                ids[index] = id
                if next < users { add() }
            }
        }
        return ids
    }

    private func profile(_ index: Int) -> [String: String] {
        ["login": email(index), "email": email(index), "firstName": "First\(index)", "lastName": "Last\(index)", "displayName": "First\(index) Last\(index)"]
    }

    private func makeApp(store: ScimdeckStore, token: BearerToken) throws -> Saved<AppIntegration> {
        try store.writer.write { db in
            for index in 0..<users {
                try db.execute(sql: "INSERT INTO person (login, loginKey, firstName, lastName, email, status, attributes, source, searchKey, updatedAt) VALUES (?, ?, ?, ?, ?, 'active', '{}', 'bench', ?, ?)",
                               arguments: [email(index), email(index), "First\(index)", "Last\(index)", email(index), email(index), Date()])
            }
        }
        let mappings = Catalog.axiadCloud.defaultMappings.map { Store.AttributeMapping(appId: 0, scimAttribute: $0.attribute, expression: $0.expression) }
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: url, createUsers: true, updateUserAttributes: true, deactivateUsers: true)
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "bench"), signOn: SignOnSettings(appId: 0), provisioning: settings, mappings: mappings)
        try store.secrets.set(SecretValue(token.revealedForStorage), name: SecretName.apiToken, appId: app.id)
        return app
    }

    /// Links every person to the user seeded for them, with the hash of the profile they were sent.
    private func link(store: ScimdeckStore, appID: Int64, remoteIDs: [Int: String]) throws {
        let mapper = try ProfileMapper(mappings: Catalog.axiadCloud.defaultMappings)
        var changes: [LinkChange] = []
        for person in try store.directory.people() {
            guard let personID = person.id, let index = Int(person.login.dropFirst(4).prefix { $0.isNumber }), let remoteID = remoteIDs[index] else { continue }
            try store.records(Assignment.self).insert(.person(personID, app: appID))
            let hash = mapper.map(SnapshotLoader.profile(person)).payloadHash
            changes.append(.linkUser(personId: personID, remoteId: remoteID, payloadHash: hash, active: true))
        }
        try store.engine.record(appId: appID, changes: changes)
    }
}
