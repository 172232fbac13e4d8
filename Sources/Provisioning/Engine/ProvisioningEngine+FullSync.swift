import Foundation
import SCIM
import Store

extension ProvisioningEngine {
    /// The page asked for when reading the whole app; a provider caps it at its own `maxResults`
    /// and the read follows whatever it returns.
    public static let fullReadPageSize = 1000

    /// Every user and every group the app holds, users and groups read side by side, page by page.
    public func readApp(client: SCIMClient, pageSize: Int = fullReadPageSize) async throws -> AppReading {
        async let users = client.listEvery(SCIMUser.self, pageSize: pageSize)
        async let groups = client.listEvery(SCIMGroup.self, pageSize: pageSize)
        return AppReading(extent: .everything, users: try await users, groups: try await groups)
    }

    /// What a full sync would correct and send, from a read of the app and the store; writes nothing.
    public func fullSyncPlan(reading: AppReading, fixDuplicates: Bool = false, memberBatchSize: Int = 100) throws -> FullSyncPlanner.Result {
        let snapshot = try SnapshotLoader.load(store, appID: appID)
        do {
            return try FullSyncPlanner(memberBatchSize: memberBatchSize, fixDuplicates: fixDuplicates).plan(snapshot, reading: reading)
        } catch {
            throw EngineError.invalidMapping(error.description)
        }
    }

    /// `sync --full`: reads the whole app, plans the corrections with the ordinary planner, and
    /// applies them through the same journaled executor as `sync`. A dry run reads and plans only.
    /// What the read showed scimdeck's links to have wrong is recorded before anything is sent, so
    /// a run killed at any point leaves a store that the next run (full or not) completes from.
    /// A real run holds the app's run lock throughout, as `sync` does; a dry run only reads.
    public func fullSync(client: SCIMClient, dryRun: Bool = false, fixDuplicates: Bool = false, concurrency: Int = 4,
                         memberBatchSize: Int = 100, pageSize: Int = fullReadPageSize, claim: RunClaim = RunClaim(holder: "scimdeck"),
                         progress: @escaping @Sendable (ApplyProgress) -> Void = { _ in }) async throws -> FullSyncResult {
        guard !dryRun else {
            return try await fullSyncHoldingLock(client: client, dryRun: true, fixDuplicates: fixDuplicates, concurrency: concurrency,
                                                 memberBatchSize: memberBatchSize, pageSize: pageSize, progress: progress)
        }
        return try await withRunLock(claim) {
            try await fullSyncHoldingLock(client: client, dryRun: false, fixDuplicates: fixDuplicates, concurrency: concurrency,
                                          memberBatchSize: memberBatchSize, pageSize: pageSize, progress: progress)
        }
    }

    private func fullSyncHoldingLock(client: SCIMClient, dryRun: Bool, fixDuplicates: Bool, concurrency: Int, memberBatchSize: Int,
                                     pageSize: Int, progress: @escaping @Sendable (ApplyProgress) -> Void) async throws -> FullSyncResult {
        let settings = try await store.records(ProvisioningSettings.self).read(key: appID)
        if let reason = try readiness(tokenGiven: true).reason { throw EngineError.notReady(app.label, reason) }
        let interrupted = dryRun ? 0 : try await store.runJournal.abandonUnfinished(appId: appID)
        let reading = try await readApp(client: client, pageSize: pageSize)
        let planned = try fullSyncPlan(reading: reading, fixDuplicates: fixDuplicates, memberBatchSize: memberBatchSize)
        guard !dryRun else {
            return FullSyncResult(runID: nil, plan: planned.plan, corrections: planned.corrections, report: nil,
                                  interruptedEntries: 0, usersRead: reading.users.count, groupsRead: reading.groups.count)
        }
        try store.engine.record(appId: appID, changes: planned.observations.map(StoreLedger.change))
        let profile: ProvisioningProfile = settings?.requestProfile == .rfc7644 ? .rfc7644 : .okta
        let ledger = StoreLedger(store: store, appID: appID)
        let target = await target(client: client, profile: profile, bulkMaxOperations: nil)
        let executor = PlanExecutor(target: target, ledger: ledger, concurrency: concurrency,
                                    updatesLinkedUsers: settings?.updateUserAttributes ?? false)
        let report = await executor.apply(planned.plan, progress: progress)
        return FullSyncResult(runID: ledger.runID, plan: planned.plan, corrections: planned.corrections, report: report,
                              interruptedEntries: interrupted, usersRead: reading.users.count, groupsRead: reading.groups.count)
    }

    /// The plan of a plain sync. Push Now asks for a group to be re-sent whole, strays removed: each
    /// such group is read from the app first (one GET each) and its real members fold into the plan.
    /// A group whose read fails is planned from the store as before; its run meets the same failure.
    func planReadingPushNowGroups(client: SCIMClient, memberBatchSize: Int) async throws -> Plan {
        let snapshot = try await SnapshotLoader.load(store, appID: appID)
        let requested = snapshot.groupPushes.filter { $0.pushNowRequested && $0.unlink == nil }.compactMap(\.remoteID)
        do {
            guard !requested.isEmpty else { return try Planner(memberBatchSize: memberBatchSize).plan(snapshot) }
            var read: Set<String> = []
            var groups: [SCIMGroup] = []
            for remoteID in requested {
                do {
                    groups.append(try await client.get(SCIMGroup.self, id: remoteID))
                    read.insert(remoteID)
                } catch let error as SCIMClientError where error.status == 404 {
                    read.insert(remoteID)
                } catch {
                    continue
                }
            }
            let planned = try FullSyncPlanner(memberBatchSize: memberBatchSize).plan(snapshot, reading: AppReading(extent: .groups(read), groups: groups))
            try store.engine.record(appId: appID, changes: planned.observations.map(StoreLedger.change))
            return planned.plan
        } catch let error as ProfileMapper.InvalidMapping {
            throw EngineError.invalidMapping(error.description)
        }
    }
}

/// What `sync --full` found and did.
public struct FullSyncResult: Sendable {
    /// What became of one correction.
    public enum Outcome: Sendable, Equatable {
        case corrected
        /// A dry run: it would be sent.
        case wouldCorrect
        case heldBack(DriftCorrection.HeldBackReason)
        case failed(String)
    }

    /// Nil for a dry run: nothing was journaled.
    public var runID: String?
    public var plan: Plan
    public var corrections: [DriftCorrection]
    /// Nil for a dry run.
    public var report: ApplyReport?
    public var interruptedEntries: Int
    public var usersRead: Int
    public var groupsRead: Int

    public func outcome(of correction: DriftCorrection) -> Outcome {
        if case .heldBack(let reason) = correction.handling { return .heldBack(reason) }
        guard let report else { return .wouldCorrect }
        if let failure = report.failures.first(where: { $0.operation.subject == correction.subject }) {
            return .failed(failure.reason)
        }
        return .corrected
    }

    /// Every operation sent succeeded and nothing found was held back: not by a correction, not by
    /// a conflict or a switch of the plan.
    public var isClean: Bool {
        (report?.failures.isEmpty ?? true) && corrections.allSatisfy { $0.handling == .planned } && !plan.holdsWorkBack
    }
}
