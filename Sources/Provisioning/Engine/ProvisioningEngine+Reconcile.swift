import SCIM
import Store

extension ProvisioningEngine {
    /// Reads every user and group the app holds, compares them with the directory, and unless
    /// `dryRun` records the links found, forgets links to users the app no longer has, and notes
    /// what each pushed group really holds so the next sync sends the difference.
    /// Recording links is a run like a sync: it holds the app's run lock (a dry run only reads).
    public func reconcile(client: SCIMClient, dryRun: Bool, claim: RunClaim = RunClaim(holder: "scimdeck reconcile")) async throws -> ReconcileReport {
        guard !dryRun else { return try await reconcileHoldingLock(client: client, dryRun: true) }
        return try await withRunLock(claim) { try await reconcileHoldingLock(client: client, dryRun: false) }
    }

    private func reconcileHoldingLock(client: SCIMClient, dryRun: Bool) async throws -> ReconcileReport {
        let reading = try await readApp(client: client)
        let remoteUsers = reading.users
        let remoteGroups = reading.groups
        let snapshot = try await SnapshotLoader.load(store, appID: appID)
        var report: ReconcileReport
        do {
            report = try Reconciler().reconcile(snapshot, remoteUsers: remoteUsers, remoteGroups: remoteGroups)
        } catch {
            throw EngineError.invalidMapping(error.description)
        }
        // The drift a full sync would correct, from the same read, before this reconcile links anything.
        report.drift = try fullSyncPlan(reading: reading).corrections
        report.attributeDrift = report.drift.compactMap { correction in
            guard case .attribute(let attribute, let inApp, let inDirectory) = correction.difference else { return nil }
            return .init(userName: correction.label, attribute: attribute, inApp: inApp, inDirectory: inDirectory)
        }
        guard !dryRun else { return report }
        var changes: [LinkChange] = []
        for link in report.linkedUsers {
            let active = remoteUsers.first { $0.id == link.remoteID }?.active ?? true
            changes.append(.linkUser(personId: link.personID, remoteId: link.remoteID, payloadHash: nil, active: active))
        }
        changes += report.missingRemoteUsers.map { .unlinkUser(personId: $0) }
        for link in report.linkedGroups {
            changes.append(.linkGroup(groupId: link.groupID, remoteId: link.remoteID, name: link.name))
        }
        let groupIDs = Dictionary(snapshot.groups.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        for drift in report.memberDrift {
            guard let groupID = groupIDs[drift.group] else { continue }
            changes.append(.replacePushedMembers(groupId: groupID, personIds: drift.appMembers))
        }
        try store.engine.record(appId: appID, changes: changes)
        return report
    }
}
