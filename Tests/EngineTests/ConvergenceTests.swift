import Foundation
import Provisioning
import SCIM
import Store
import TestSupport
import XCTest

/// The promise as a property: whatever happens between two runs — directory edits, assignments,
/// pushes and unlinks, changes made directly in the app, a sync killed with SIGKILL, two syncs at
/// once — the next converging sync leaves the app holding exactly what an independent model of
/// the directory says, and a plain sync after it sends nothing. scimdeck talks to the app through a
/// fault proxy (keep-alive connections) that, in some rounds, commits a create and drops the
/// answer, cuts a response, answers 500, or rate-limits.
///
/// Seeded: the seed and round are printed on failure. `SCIMDECK_CONVERGENCE_SEEDS=1,2,3` and
/// `SCIMDECK_CONVERGENCE_ROUNDS=N` run more.
final class ConvergenceTests: XCTestCase {
    func test_appConvergesOnTheModelAfterRandomEditsKillsAndConcurrentRuns() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds = environment["SCIMDECK_CONVERGENCE_SEEDS"].map { $0.split(separator: ",").compactMap { UInt64($0) } } ?? [11, 23, 37]
        let rounds = environment["SCIMDECK_CONVERGENCE_ROUNDS"].flatMap(Int.init) ?? 10
        for seed in seeds {
            let world = try ConvergenceWorld(seed: seed)
            defer { world.stop() }
            try await world.run(rounds: rounds)
        }
    }
}

/// One randomized run: a scimdeck store driven by the built binary, a scim2-server, and the model.
private final class ConvergenceWorld: @unchecked Sendable {
    let seed: UInt64
    var random: SplitMix
    let cli: CLIWorkspace
    let proxy: FaultProxy
    let store: ScimdeckStore
    let appID: Int64
    let inspector: SCIMClient
    var nextPerson = 0
    var nextGroup = 0
    var log: [String] = []

    static let app = "Axiad"
    /// Changes made directly in the app need `sync --full` to be set right.
    let tamperingEnabled = true

    init(seed: UInt64) throws {
        self.seed = seed
        random = SplitMix(seed: seed)
        cli = try CLIWorkspace("convergence-\(seed)")
        proxy = try FaultProxy(upstreamPort: cli.server.port, keepAlive: true)
        store = try ScimdeckStore(path: cli.storePath)
        try cli.addAxiadApp(Self.app, baseURL: proxy.baseURL)
        appID = try XCTUnwrapValue(try store.apps.app(named: Self.app)?.id)
        inspector = SCIMClient(configuration: SCIMClientConfiguration(baseURL: cli.server.baseURL, token: try XCTUnwrapValue(BearerToken(cli.server.token))),
                               transport: EngineWorld.transport)
        for _ in 0..<4 { try addGroup() }
        for _ in 0..<24 { try addPerson() }
        // Start with most people in scope and groups pushed, so that every edit has something to
        // take away from the app.
        let assignments = AppAssignments(store: store, appID: appID)
        for person in try store.directory.people() {
            for index in 1...4 where random.chance(0.4) { _ = try store.directory.addMember(login: person.login, group: "Group \(index)") }
            if random.chance(0.3) { _ = try assignments.assign(personLogin: person.login) }
        }
        _ = try assignments.assign(groupName: "Group 1")
        _ = try assignments.assign(groupName: "Group 2")
        _ = try AppGroupPush(store: store, appID: appID).push(groupNamed: "Group 1")
        _ = try AppGroupPush(store: store, appID: appID).push(groupNamed: "Group 3")
    }

    func stop() {
        proxy.stop()
        cli.stop()
    }

    func run(rounds: Int) async throws {
        for round in 1...rounds {
            log.append("— round \(round)")
            for _ in 0..<random.int(in: 3...8) { try editDirectory() }
            var tampered = false
            if tamperingEnabled, random.chance(0.5) {
                for _ in 0..<random.int(in: 1...3) { tampered = try await tamperWithTheApp() || tampered }
            }
            try await chaos()
            proxy.clearFaults()
            let converge = try sync(full: tampered)
            guard converge.status == 0 else { throw failure(round, "the converging sync exited \(converge.status): \(converge.stdout)\(converge.stderr)") }
            let again = try sync(full: false)
            guard again.status == 0, again.stdout.contains("nothing to send") else {
                throw failure(round, "a plain sync right after converging still sent or held back: \(again.stdout)\(again.stderr)")
            }
            if let difference = try await compareWithModel() { throw failure(round, difference) }
        }
        let faults = proxy.seen.filter { $0.fault != nil }.count
        print("convergence: seed \(seed), \(rounds) rounds: \(log.filter { $0.hasPrefix("sync killed") }.count) syncs killed, "
              + "\(log.filter { $0 == "two syncs at once" }.count) pairs at once, \(log.filter { $0.hasPrefix("in the app:") }.count) changes in the app, "
              + "\(faults) faults met; the app matched the model after every round")
    }

    private func failure(_ round: Int, _ what: String) -> ConvergenceFailure {
        ConvergenceFailure(text: "seed \(seed), round \(round): \(what)\nsteps:\n" + log.suffix(60).joined(separator: "\n"))
    }

    // MARK: Runs

    private func sync(full: Bool) throws -> ScimdeckRun {
        try cli.run(["sync", "--app", Self.app] + (full ? ["--full"] : []))
    }

    /// Faults the app's side may show a run: each applies to the next matching request(s).
    private func injectFaults() {
        let faults: [(FaultProxy.Fault, String?, String)] = [
            (.commitThenDrop, "POST", "commit a POST, drop its answer"),
            (.cutMidResponse, "GET", "cut a GET's answer"),
            (.status(500, body: "{\"detail\":\"boom\"}"), "PATCH", "answer a PATCH with 500"),
            (.status(500, body: ""), "PUT", "answer a PUT with 500"),
            (.commitThenDrop, "PATCH", "commit a PATCH, drop its answer"),
            (.status(429, headers: ["Retry-After": "1"]), nil, "rate-limit for 1 s"),
        ]
        for _ in 0..<random.int(in: 1...3) {
            guard let (fault, method, what) = random.pick(faults) else { continue }
            let times = random.int(in: 1...2)
            proxy.inject(fault, times: times, method: method)
            log.append("fault: \(what) ×\(times)")
        }
    }

    /// A sync killed at a random moment, two syncs at once, or neither; with faults, some rounds.
    private func chaos() async throws {
        if random.chance(0.4) { injectFaults() }
        let roll = random.double()
        if roll < 0.35 {
            let delay = random.int(in: 10...400)
            log.append("sync killed after \(delay) ms")
            let run = try cli.background(["sync", "--app", Self.app])
            try await Task.sleep(nanoseconds: UInt64(delay) * 1_000_000)
            run.kill()
        } else if roll < 0.6 {
            log.append("two syncs at once")
            let first = try cli.background(["sync", "--app", Self.app])
            let second = try cli.background(["sync", "--app", Self.app])
            first.process.waitUntilExit()
            second.process.waitUntilExit()
            // Either may find work held back by a change made in the app (a plain sync does not read
            // it); neither may fail for the other's sake.
            for run in [first, second] where ![0, 1].contains(run.process.terminationStatus) {
                throw ConvergenceFailure(text: "seed \(seed): a concurrent sync exited \(run.process.terminationStatus)")
            }
        } else {
            log.append("one sync")
            let run = try sync(full: false)
            // Faults may fail operations (exit 1); the converging sync then finishes them.
            guard [0, 1].contains(run.status) else { throw ConvergenceFailure(text: "seed \(seed): a sync exited \(run.status): \(run.stderr)") }
        }
    }

    // MARK: Directory edits

    private func addPerson() throws {
        nextPerson += 1
        let login = "p\(nextPerson)@corp.example"
        _ = try store.directory.addPerson(Person(login: login, firstName: "First\(nextPerson)", lastName: "Last\(nextPerson)", email: login))
        log.append("add person \(login)")
    }

    private func addGroup() throws {
        nextGroup += 1
        _ = try store.directory.addGroup(DirectoryGroup(name: "Group \(nextGroup)"))
        log.append("add group Group \(nextGroup)")
    }

    private func editDirectory() throws {
        let people = try store.directory.people()
        let groups = try store.directory.groups().map(\.group)
        let assignments = AppAssignments(store: store, appID: appID)
        let push = AppGroupPush(store: store, appID: appID)
        // Edits lean towards the people the app holds: that is where a mistake leaves access behind.
        let linked = Set(try store.provisioning.remoteLinks(appId: appID, kind: .user).map(\.localId))
        let candidates = random.chance(0.7) ? people.filter { $0.id.map(linked.contains) ?? false } : people
        guard let person = random.pick(candidates.isEmpty ? people : candidates), let group = random.pick(groups) else { return try addPerson() }
        switch random.int(in: 0...13) {
        case 0: try addPerson()
        case 1:
            _ = try store.directory.removePerson(login: person.login)
            log.append("remove person \(person.login)")
        case 2:
            var edited = person
            edited.lastName = "Last\(random.int(in: 100...999))"
            try store.directory.updatePerson(edited)
            log.append("rename \(person.login) to \(edited.lastName)")
        case 3:
            var edited = person
            edited.status = random.pick([.active, .suspended, .deactivated]) ?? .active
            try store.directory.updatePerson(edited)
            log.append("\(person.login) becomes \(edited.status)")
        case 4, 5:
            _ = try store.directory.addMember(login: person.login, group: group.name)
            log.append("add \(person.login) to \(group.name)")
        case 6:
            if let member = random.pick(try store.directory.members(group: group.name)) {
                _ = try store.directory.removeMember(login: member.login, group: group.name)
                log.append("remove \(member.login) from \(group.name)")
            }
        case 7:
            _ = try assignments.assign(personLogin: person.login)
            log.append("assign \(person.login)")
        case 8:
            _ = try assignments.unassign(personLogin: person.login)
            log.append("unassign \(person.login)")
        case 9:
            _ = try assignments.assign(groupName: group.name)
            log.append("assign group \(group.name)")
        case 10:
            _ = try assignments.unassign(groupName: group.name)
            log.append("unassign group \(group.name)")
        case 11:
            _ = try push.push(groupNamed: group.name)
            log.append("push \(group.name)")
        case 12:
            guard let id = group.id, try pushedGroupIDs().contains(id) else { return }
            let delete = random.chance(0.5)
            try push.unlink(groupID: id, deleteInTarget: delete)
            log.append("unlink \(group.name)\(delete ? " and delete it in the app" : "")")
        default:
            var renamed = group
            nextGroup += 1
            renamed.name = "Group \(nextGroup)"
            try store.directory.updateGroup(renamed)
            log.append("rename group \(group.name) to \(renamed.name)")
        }
    }

    private func pushedGroupIDs() throws -> Set<Int64> {
        Set(try store.records(PushGroupLink.self).all(appId: appID).filter { $0.unlinkAction == nil }.map(\.groupId))
    }

    // MARK: Changes made in the app

    /// Returns whether anything was changed (so only a full sync is expected to set it right).
    private func tamperWithTheApp() async throws -> Bool {
        let users = try await inspector.listAll(SCIMUser.self)
        let groups = try await inspector.listAll(SCIMGroup.self)
        switch random.int(in: 0...5) {
        case 0:
            guard var user = random.pick(users) else { return false }
            user.name = SCIMName(givenName: user.name?.givenName, familyName: "Tampered")
            _ = try await inspector.replace(user)
            log.append("in the app: \(user.userName ?? "?") familyName Tampered")
        case 1:
            guard let user = random.pick(users), let id = user.id else { return false }
            try await inspector.setActive(userId: id, !user.active)
            log.append("in the app: \(user.userName ?? "?") active \(!user.active)")
        case 2:
            guard let user = random.pick(users), let id = user.id else { return false }
            try await inspector.delete(SCIMUser.self, id: id)
            log.append("in the app: delete user \(user.userName ?? "?")")
        case 3:
            guard let group = random.pick(groups), let groupID = group.id, let user = random.pick(users), let userID = user.id else { return false }
            _ = try await inspector.updateGroupMembers(id: groupID, add: [userID], remove: [])
            log.append("in the app: add \(user.userName ?? "?") to \(group.displayName ?? "?")")
        case 4:
            guard let group = random.pick(groups), let id = group.id else { return false }
            try await inspector.delete(SCIMGroup.self, id: id)
            log.append("in the app: delete group \(group.displayName ?? "?")")
        default:
            guard let group = random.pick(groups), let id = group.id else { return false }
            try await inspector.renameGroup(id: id, to: "Renamed in the app \(random.int(in: 1...999))")
            log.append("in the app: rename group \(group.displayName ?? "?")")
        }
        return true
    }

    // MARK: The model

    /// What the app must hold, worked out from the directory alone (not by the planner), compared
    /// with everything the app holds. Nil when they agree.
    private func compareWithModel() async throws -> String? {
        let people = try store.directory.people()
        let assignments = try store.records(Assignment.self).all(appId: appID)
        let assignedPeople = Set(assignments.compactMap(\.personId))
        let assignedGroups = assignments.compactMap(\.groupId)
        var inScope: [String: Person] = [:]
        for person in people where person.status == .active {
            guard let id = person.id else { continue }
            var assigned = assignedPeople.contains(id)
            for groupID in assignedGroups where !assigned {
                if let name = try store.directory.groups().first(where: { $0.group.id == groupID })?.group.name,
                   try store.directory.members(group: name).contains(where: { $0.id == id }) {
                    assigned = true
                }
            }
            if assigned { inScope[person.email.lowercased()] = person }
        }

        let users = try await inspector.listAll(SCIMUser.self)
        var byUserName: [String: SCIMUser] = [:]
        for user in users {
            let key = (user.userName ?? "").lowercased()
            if byUserName[key] != nil { return "two users named \(key) in the app" }
            byUserName[key] = user
        }
        for (userName, person) in inScope {
            guard let user = byUserName[userName] else { return "\(userName) is in scope but not in the app" }
            if !user.active { return "\(userName) is in scope but inactive in the app" }
            if user.name?.givenName != person.firstName || user.name?.familyName != person.lastName {
                return "\(userName) is \(user.name?.givenName ?? "nil") \(user.name?.familyName ?? "nil") in the app, \(person.firstName) \(person.lastName) in the directory"
            }
        }
        for user in users where user.active && inScope[(user.userName ?? "").lowercased()] == nil {
            return "\(user.userName ?? "?") is out of scope but active in the app (a leaver with access)"
        }

        let groups = try await inspector.listAll(SCIMGroup.self)
        let idToUserName = Dictionary(users.compactMap { user in user.id.map { ($0, (user.userName ?? "").lowercased()) } }, uniquingKeysWith: { a, _ in a })
        for groupID in try pushedGroupIDs() {
            guard let group = try store.directory.groups().first(where: { $0.group.id == groupID })?.group else { continue }
            let named = groups.filter { $0.displayName == group.name }
            guard named.count == 1, let remote = named.first else { return "\(named.count) groups named \(group.name) in the app" }
            let expected = Set(try store.directory.members(group: group.name).map { $0.email.lowercased() }.filter { inScope[$0] != nil })
            let actual = Set(remote.members.compactMap { $0.value.flatMap { idToUserName[$0] } })
            if expected != actual {
                return "group \(group.name) holds \(actual.sorted()) in the app, the directory says \(expected.sorted())"
            }
        }
        return nil
    }
}

private struct ConvergenceFailure: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}

/// Store's seeded generator with what the rounds draw from it, so a failing seed replays exactly.
private struct SplitMix {
    var generator: SeededRandom
    init(seed: UInt64) { generator = SeededRandom(seed: seed) }

    mutating func double() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { double() < p }
    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[int(in: 0...(items.count - 1))] }
}
