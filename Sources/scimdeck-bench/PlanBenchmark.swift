import ArgumentParser
import Dispatch
import Provisioning

/// Times the planner on a generated directory, everything assigned and half of it already linked.
struct PlanBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Time planning a large generated directory.")

    @Option(help: "People in the directory.") var people = 100_000
    @Option(help: "Groups in the directory (all pushed).") var groups = 2_000
    @Option(help: "Runs; the best and the median are printed.") var runs = 5

    func run() throws {
        let snapshot = Self.makeSnapshot(people: people, groups: groups)
        var seconds: [Double] = []
        var operations = 0
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let plan = try Planner().plan(snapshot)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            operations = plan.operations.count
        }
        seconds.sort()
        print("plan: \(people) people, \(groups) groups → \(operations) operations; best \(Self.format(seconds[0])) s, median \(Self.format(seconds[seconds.count / 2])) s over \(seconds.count) runs")
    }

    static func format(_ value: Double) -> String {
        String(Double(Int(value * 1000)) / 1000)
    }

    static func makeSnapshot(people: Int, groups: Int) -> ProvisioningSnapshot {
        let mappings = Catalog.axiadCloud.defaultMappings
        var directory: [ProvisioningSnapshot.Person] = []
        directory.reserveCapacity(people)
        for index in 0..<people {
            let email = "person\(index)@example.com"
            directory.append(.init(id: Int64(index), login: email, status: index % 97 == 0 ? .deactivated : .active,
                                   profile: ["login": email, "email": email, "firstName": "First\(index)", "lastName": "Last\(index)"]))
        }
        var groupList: [ProvisioningSnapshot.Group] = []
        for index in 0..<groups {
            let members = stride(from: index, to: people, by: max(1, groups)).prefix(50).map { Int64($0) }
            groupList.append(.init(id: Int64(index), name: "Group \(index)", memberIDs: members))
        }
        var links: [Int64: ProvisioningSnapshot.UserLink] = [:]
        for index in stride(from: 0, to: people, by: 2) {
            links[Int64(index)] = .init(remoteID: "r\(index)", payloadHash: index % 4 == 0 ? "stale" : nil, isActive: true)
        }
        return ProvisioningSnapshot(
            settings: .allOn, mappings: mappings, people: directory, groups: groupList,
            assignedPersonIDs: Set((0..<people / 2).map { Int64($0) }), assignedGroupIDs: Set((0..<groups).map { Int64($0) }),
            userLinks: links, groupPushes: (0..<groups).map { .init(groupID: Int64($0)) }
        )
    }
}
