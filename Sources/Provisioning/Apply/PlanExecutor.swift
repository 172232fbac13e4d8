import Foundation

/// Runs a plan against an app: users first, then groups, then memberships, then unlinks, several
/// requests in flight. Every operation is journaled before it is sent and after its answer, and a
/// created user or group is always looked up first, so a run killed anywhere and started again
/// ends with each person and group in the app exactly once.
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
            await withTaskGroup(of: [(PlannedOperation, String?)].self) { group in
                var pending = phase.makeIterator()
                var inFlight = 0
                while inFlight < concurrency, let chain = pending.next() {
                    group.addTask { await run(chain) }
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
                    if !Task.isCancelled, let chain = pending.next() {
                        group.addTask { await run(chain) }
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
        var users: [[PlannedOperation]] = []
        var structure: [[PlannedOperation]] = []
        var membershipChains: [Int64: Int] = [:]
        var memberships: [[PlannedOperation]] = []
        var unlinks: [[PlannedOperation]] = []
        for operation in operations {
            switch operation {
            case .provisionUser, .updateUser, .deactivateUser, .reactivateUser:
                users.append([operation])
            case .createGroup, .renameGroup:
                structure.append([operation])
            case .addMembers(let groupID, _), .removeMembers(let groupID, _):
                if let index = membershipChains[groupID] {
                    memberships[index].append(operation)
                } else {
                    membershipChains[groupID] = memberships.count
                    memberships.append([operation])
                }
            case .deleteGroup, .forgetGroup:
                unlinks.append([operation])
            }
        }
        return [users, structure, memberships, unlinks].filter { !$0.isEmpty }
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
        let step = OperationStep(target: target, ledger: ledger, updatesLinkedUsers: updatesLinkedUsers)
        do {
            let outcome = try await step.perform(operation)
            do {
                try await ledger.operationSucceeded(entryID, effects: outcome.effects, detail: outcome.detail)
                return nil
            } catch {
                return "done in the app, but the store could not record it (the next run will find it): \(error)"
            }
        } catch {
            let effects = (error as? OperationStep.Failure)?.effects ?? []
            let reason = (error as? OperationStep.Failure)?.reason ?? String(describing: error)
            try? await ledger.operationFailed(entryID, reason: reason, effects: effects)
            return reason
        }
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
