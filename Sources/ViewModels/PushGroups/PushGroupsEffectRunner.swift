import Foundation
import Provisioning
import Store

/// Carries out the Push Groups tab's effects against the store (through `AppGroupPush`) and answers
/// each with the intent to send back. `.runSync` is left to the caller: the console runs the sync with
/// its progress bar. Tests drive whole flows with `send(_:to:)`.
public struct PushGroupsEffectRunner: Sendable {
    public let push: AppGroupPush
    public let app: Saved<AppIntegration>
    /// Whether this console can run a sync at all (the executable wires one in; pure screens have none).
    public let canSync: Bool
    public var now: @Sendable () -> Date

    public init(store: ScimdeckStore, app: Saved<AppIntegration>, canSync: Bool, now: @escaping @Sendable () -> Date = { Date() }) {
        push = AppGroupPush(store: store, appID: app.id)
        self.app = app
        self.canSync = canSync
        self.now = now
    }

    /// Runs one effect; nil for `.runSync`, which is the console's.
    public func perform(_ effect: PushGroupsViewModel.Effect) -> PushGroupsViewModel.Intent? {
        switch effect {
        case .load:
            do {
                return .loaded(try snapshot())
            } catch {
                return .loadFailed("\(error)")
            }
        case .findGroups(let query):
            do {
                return .groupsFound(query: query, try push.groups(matching: query))
            } catch {
                return .searchFailed("\(error)")
            }
        case let .push(groupID, name, addAnother):
            do {
                guard try push.push(groupID: groupID) else { return .actionFailed("\(name) is pushed already.") }
                return .groupPushed(name: name, addAnother: addAnother, try snapshot())
            } catch {
                return .actionFailed("\(error)")
            }
        case .addRule(let draft):
            do {
                try push.addRule(draft)
                return .ruleCreated(name: draft.name.trimmingCharacters(in: .whitespaces), try snapshot())
            } catch let error as GroupPushError {
                switch error {
                case .conditionMissing(let field): return .ruleRefused([field: error.description])
                default: return .ruleRefused([.ruleName: error.description])
                }
            } catch {
                return .actionFailed("\(error)")
            }
        case let .pushNow(groupID, name):
            return answer { try push.pushNow(groupID: groupID) } then: { .pushedNow(name: name, $0) }
        case let .unlink(groupID, name, deleteInTarget):
            return answer { try push.unlink(groupID: groupID, deleteInTarget: deleteInTarget) } then: {
                .unlinked(name: name, deleteInTarget: deleteInTarget, $0)
            }
        case .removeRule(let name):
            return answer({ try push.removeRule(named: name) }, then: { .ruleRemoved(name: name, $0) })
        case .runSync:
            return nil
        }
    }

    /// Sends `intent`, then runs every effect and sends its answer, until nothing is left to run.
    /// Returns the effects left to the caller (`.runSync`).
    @discardableResult
    public func send(_ intent: PushGroupsViewModel.Intent, to model: inout PushGroupsViewModel) -> [PushGroupsViewModel.Effect] {
        EffectLoop.run(intent, send: { model.send($0) }, perform: perform)
    }

    func snapshot() throws -> PushGroupsSnapshot {
        PushGroupsSnapshot(targetName: Catalog.entry(named: app.catalogEntry)?.name ?? app.label, groups: try push.rows(),
                           rules: try push.rules(), syncBlocker: try syncBlocker(), readAt: now())
    }

    /// Why a sync cannot send the push now, in the words of the screen that fixes it.
    func syncBlocker() throws -> String? {
        guard canSync else { return "sync is not available in this console." }
        return try SyncReadiness.of(appID: push.appID, in: push.store).reason?.message(appLabel: app.label)
    }

    private func answer(_ change: () throws -> Void, then done: (PushGroupsSnapshot) -> PushGroupsViewModel.Intent) -> PushGroupsViewModel.Intent {
        do {
            try change()
            return done(try snapshot())
        } catch {
            return .actionFailed("\(error)")
        }
    }
}
