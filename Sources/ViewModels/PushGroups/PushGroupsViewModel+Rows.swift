import Foundation
import Provisioning

/// What the Push Groups tab shows, as text: the table's rows and the rules under it.
extension PushGroupsViewModel {
    /// One pushed group, as the table shows it.
    public struct Row: Sendable, Equatable {
        public var groupID: Int64
        public var directoryName: String
        public var appName: String
        public var lastPush: String
        /// `Active ▾`, `Pushing… ▾`, `✗ Error: 403 ▾`, `Deleting…`.
        public var status: String
        public var isError: Bool
        /// ⏎ opens its status menu (not while an unlink waits for the sync).
        public var hasMenu: Bool

        public var cells: [String] { [directoryName, appName, lastPush, status] }
    }

    /// A rule under the table: `AD groups   name contains "" AND description contains "Active Directory"   → 4 groups`.
    public struct RuleLine: Sendable, Equatable {
        public var name: String
        public var conditions: String
        public var matches: String

        public init(name: String, conditions: String, matches: String) {
            self.name = name
            self.conditions = conditions
            self.matches = matches
        }
    }

    public var columns: [String] {
        ["GROUP IN DIRECTORY", "GROUP IN " + snapshot.targetName.uppercased(), "LAST PUSH", "PUSH STATUS"]
    }

    public var rows: [Row] {
        snapshot.groups.map { group in
            Row(groupID: group.groupID, directoryName: group.name, appName: group.remoteName ?? "—",
                lastPush: group.lastPushedAt.map { Self.relative($0, to: snapshot.readAt) } ?? "—",
                status: Self.statusText(group), isError: group.status == .error && group.unlinkAction == nil,
                hasMenu: group.unlinkAction == nil)
        }
    }

    public var ruleLines: [RuleLine] {
        snapshot.rules.map { rule in
            RuleLine(name: rule.name, conditions: rule.conditionsText,
                     matches: "→ " + (rule.matchCount == 1 ? "1 group" : "\(rule.matchCount) groups"))
        }
    }

    static func statusText(_ group: PushedGroup) -> String {
        switch group.unlinkAction {
        case .delete: return "Deleting…"
        case .keep: return "Unlinking…"
        case nil: break
        }
        switch group.status {
        case .pushing: return "Pushing… ▾"
        case .active: return "Active ▾"
        case .error: return "✗ Error: " + (group.lastError ?? "unknown") + " ▾"
        }
    }

    /// "just now", "2 min ago", "3 h ago", then the day.
    static func relative(_ date: Date, to now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < 60 { return "just now" }
        if seconds < 3600 { return "\(seconds / 60) min ago" }
        if seconds < 86_400 { return "\(seconds / 3600) h ago" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
