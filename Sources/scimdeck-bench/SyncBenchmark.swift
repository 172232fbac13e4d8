import ArgumentParser
import Foundation
import GRDB
import HTTP
import Provisioning
import SCIM
import Store

/// Times `sync` of a fresh directory into a scim2-server: PEOPLE people in GROUPS pushed groups of
/// MEMBERS each, all assigned. Point it at a throwaway server only: it fills it.
struct SyncBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Time a full sync into a SCIM server.")

    @Option(help: "The SCIM base URL of a throwaway server.") var url: String
    @Option(help: "People to provision.") var people = 2_000
    @Option(help: "Pushed groups.") var groups = 40
    @Option(help: "Members per group.") var members = 50
    @Option(help: "Requests in flight.") var concurrency = 4

    func run() async throws {
        let workspace = try BenchWorkspace()
        defer { workspace.remove() }
        let (token, store) = (workspace.token, workspace.store)
        let app = try makeApp(store: store, token: token)

        let engine = ProvisioningEngine(store: store, app: app)
        let transport = try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: concurrency))
        let client = try engine.client(transport: transport)
        let cpuBefore = Self.processCPUSeconds()
        let start = ContinuousClock.now
        let result = try await engine.sync(client: client, concurrency: concurrency)
        let elapsed = (ContinuousClock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let cpu = Self.processCPUSeconds() - cpuBefore
        let requests = try store.provisioning.requestLog(appId: app.id, limit: 1_000_000).count
        let failures = result.report.failures.count
        print(String(format: "sync: %d people, %d groups of %d → %d operations, %d requests in %.2f s (%.0f req/s), %d failed; scimdeck CPU %.2f s (%.3f ms per request)",
                     people, groups, members, result.plan.operations.count, requests, seconds, Double(requests) / seconds, failures, cpu, cpu * 1000 / Double(max(1, requests))))
    }

    private func makeApp(store: ScimdeckStore, token: BearerToken) throws -> Saved<AppIntegration> {
        try store.writer.write { db in
            for index in 0..<people {
                let email = "bench\(index)@example.com"
                try db.execute(sql: "INSERT INTO person (login, loginKey, firstName, lastName, email, status, attributes, source, searchKey, updatedAt) VALUES (?, ?, ?, ?, ?, 'active', '{}', 'bench', ?, ?)",
                               arguments: [email, email, "First\(index)", "Last\(index)", email, email, Date()])
            }
            for group in 0..<groups {
                try db.execute(sql: "INSERT INTO directoryGroup (name, nameKey, description, source, updatedAt) VALUES (?, ?, '', 'bench', ?)",
                               arguments: ["Bench group \(group)", "bench group \(group)", Date()])
                let groupID = db.lastInsertedRowID
                for member in 0..<members where group * members + member < people {
                    try db.execute(sql: "INSERT INTO membership (groupId, personId) VALUES (?, ?)", arguments: [groupID, Int64(group * members + member + 1)])
                }
            }
        }
        let mappings = Catalog.axiadCloud.defaultMappings.map { Store.AttributeMapping(appId: 0, scimAttribute: $0.attribute, expression: $0.expression) }
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: url, createUsers: true, updateUserAttributes: true, deactivateUsers: true)
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "bench"), signOn: SignOnSettings(appId: 0), provisioning: settings, mappings: mappings)
        let appID = app.id
        try store.secrets.set(SecretValue(token.revealedForStorage), name: SecretName.apiToken, appId: appID)
        for group in try store.directory.groups() {
            guard let groupID = group.group.id else { continue }
            try store.records(Assignment.self).insert(.group(groupID, app: appID))
            try store.records(PushGroupLink.self).insert(PushGroupLink(appId: appID, groupId: groupID))
        }
        // People beyond the groups are assigned directly.
        for id in try store.directory.people().compactMap(\.id) where id > Int64(groups * members) {
            try store.records(Assignment.self).insert(.person(id, app: appID))
        }
        return app
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
