import Foundation

/// Runs a plan against an app: users first, then groups, then memberships, then unlinks, several
/// requests in flight. Every operation is journaled before it is sent and after its answer, and a
/// created user or group is always looked up first, so a run killed anywhere and started again
/// ends with each person and group in the app exactly once. A target that sends user changes in
/// batches (`/Bulk`) gets updates, deactivations and reactivations in batches, each operation still
/// journaled on its own.
public struct PlanExecutor: Sendable {
    public var target: any ProvisioningTarget
    public var ledger: any ProvisioningLedger
    /// Chains of operations in flight at once.
    public var concurrency: Int
    /// The Update User Attributes switch: whether linking a user the app already held sends the profile.
    public var updatesLinkedUsers: Bool

    public init(target: any ProvisioningTarget, ledger: any ProvisioningLedger, concurrency: Int = 4, updatesLinkedUsers: Bool = true) {
        self.target = target
        self.ledger = ledger
        self.concurrency = max(1, concurrency)
        self.updatesLinkedUsers = updatesLinkedUsers
    }

    public func apply(_ plan: Plan, progress: @escaping @Sendable (ApplyProgress) -> Void = { _ in }) async -> ApplyReport {
        var report = ApplyReport()
        var tally = ApplyProgress(total: plan.operations.count)
        let start = ContinuousClock.now
        progress(tally)
        for phase in Self.phases(of: plan.operations) {
            if Task.isCancelled { break }
            let units = units(of: phase)
            await withTaskGroup(of: [(PlannedOperation, String?)].self) { group in
                var pending = units.makeIterator()
                var inFlight = 0
                while inFlight < concurrency, let unit = pending.next() {
                    group.addTask { await run(unit) }
                    inFlight += 1
                }
                for await outcomes in group {
                    for (operation, failure) in outcomes {
                        tally.done += 1
                        if let failure {
                            tally.failed += 1
                            report.failures.append(.init(operation: operation, reason: failure))
                        } else {
                            report.succeeded[operation.kind, default: 0] += 1
                        }
                    }
                    tally.elapsed = (ContinuousClock.now - start).seconds
                    progress(tally)
                    if !Task.isCancelled, let unit = pending.next() {
                        group.addTask { await run(unit) }
                    }
                }
            }
        }
        report.wasCancelled = Task.isCancelled && tally.done < tally.total
        return report
    }

    /// The plan cut into phases that must follow one another, each a list of chains that may run
    /// side by side. A group's membership changes form one chain: apps that read, modify and write
    /// a group's members would lose changes sent to the same group at once.
    public static func phases(of operations: [PlannedOperation]) -> [[[PlannedOperation]]] {
        var leavers: [[PlannedOperation]] = []
        var users: [[PlannedOperation]] = []
        var structure: [[PlannedOperation]] = []
        var membershipChains: [Int64: Int] = [:]
        var memberships: [[PlannedOperation]] = []
        var unlinks: [[PlannedOperation]] = []
        for operation in operations {
            switch operation {
            case .deactivateUser, .settleUncertainUser:
                // Before any create or link: a person removed and added again under the same
                // userName is linked to the user their tombstone deactivates, and must end active.
                leavers.append([operation])
            case .provisionUser, .updateUser, .reactivateUser:
                users.append([operation])
            case .createGroup, .renameGroup:
                structure.append([operation])
            case .addMembers(let groupID, _), .removeMembers(let groupID, _), .removeRemoteMembers(let groupID, _):
                if let index = membershipChains[groupID] {
                    memberships[index].append(operation)
                } else {
                    membershipChains[groupID] = memberships.count
                    memberships.append([operation])
                }
            case .deleteGroup, .forgetGroup, .deleteDuplicateGroup:
                unlinks.append([operation])
            }
        }
        return [leavers, users, structure, memberships, unlinks].filter { !$0.isEmpty }
    }

    /// What runs side by side within a phase: a chain sent one operation after another, or a batch
    /// of user changes sent together.
    enum Unit: Sendable {
        case chain([PlannedOperation])
        case batch([PlannedOperation])
    }

    /// The phase's chains, with the user changes gathered into batches when the target can send them
    /// together (only changes to users it holds: they are idempotent, unlike a create, which is
    /// looked up first and sent alone so that a retry never makes a second user).
    func units(of phase: [[PlannedOperation]]) -> [Unit] {
        guard let batchSize = target.userChangeBatchSize, batchSize > 0 else { return phase.map(Unit.chain) }
        let step = makeStep()
        var units: [Unit] = []
        var changes: [PlannedOperation] = []
        for chain in phase {
            if chain.count == 1, let operation = chain.first, step.userChange(for: operation) != nil {
                changes.append(operation)
            } else {
                units.append(.chain(chain))
            }
        }
        var start = 0
        while start < changes.count {
            units.append(.batch(Array(changes[start..<min(start + batchSize, changes.count)])))
            start += batchSize
        }
        return units
    }

    private func run(_ unit: Unit) async -> [(PlannedOperation, String?)] {
        switch unit {
        case .chain(let chain): return await run(chain)
        case .batch(let batch): return await runBatch(batch)
        }
    }

    /// Runs a chain in order; returns each operation with its failure reason, nil on success.
    private func run(_ chain: [PlannedOperation]) async -> [(PlannedOperation, String?)] {
        var outcomes: [(PlannedOperation, String?)] = []
        for operation in chain {
            outcomes.append((operation, await runJournaled(operation)))
        }
        return outcomes
    }

    private func runJournaled(_ operation: PlannedOperation) async -> String? {
        let entryID: Int64
        do {
            entryID = try await ledger.operationStarted(operation)
        } catch {
            return "not sent: the journal could not record it: \(error)"
        }
        let step = makeStep()
        do {
            return await finish(entryID, outcome: try await step.perform(operation))
        } catch {
            return await fail(entryID, error)
        }
    }

    /// Journals every change as started, sends those the journal holds in one call to the target,
    /// then journals each one's own success or failure: as many ledger entries as `runJournaled`
    /// would write, in the same order of start before send before answer.
    private func runBatch(_ batch: [PlannedOperation]) async -> [(PlannedOperation, String?)] {
        let step = makeStep()
        var outcomes: [(PlannedOperation, String?)] = []
        var started: [(operation: PlannedOperation, entryID: Int64, change: UserChange)] = []
        for operation in batch {
            guard let change = step.userChange(for: operation) else {
                outcomes.append((operation, await runJournaled(operation)))
                continue
            }
            do {
                started.append((operation, try await ledger.operationStarted(operation), change))
            } catch {
                outcomes.append((operation, "not sent: the journal could not record it: \(error)"))
            }
        }
        guard !started.isEmpty else { return outcomes }
        let errors = await target.applyUserChanges(started.map(\.change))
        for (index, entry) in started.enumerated() {
            let error = index < errors.count ? errors[index] : ProvisioningTargetError.noAnswer
            do {
                outcomes.append((entry.operation, await finish(entry.entryID, outcome: try step.finishUserChange(entry.operation, error: error))))
            } catch {
                outcomes.append((entry.operation, await fail(entry.entryID, error)))
            }
        }
        return outcomes
    }

    private func makeStep() -> OperationStep {
        OperationStep(target: target, ledger: ledger, updatesLinkedUsers: updatesLinkedUsers)
    }

    private func finish(_ entryID: Int64, outcome: OperationStep.Outcome) async -> String? {
        do {
            try await ledger.operationSucceeded(entryID, effects: outcome.effects, detail: outcome.detail)
            return nil
        } catch {
            return "done in the app, but the store could not record it (the next run will find it): \(error)"
        }
    }

    private func fail(_ entryID: Int64, _ error: any Error) async -> String {
        let effects = (error as? OperationStep.Failure)?.effects ?? []
        let reason = (error as? OperationStep.Failure)?.reason ?? String(describing: error)
        try? await ledger.operationFailed(entryID, reason: reason, effects: effects)
        return reason
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
