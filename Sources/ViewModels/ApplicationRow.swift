import Provisioning
import Store

/// One line of the Applications list.
public struct ApplicationRow: Sendable, Equatable {
    public var id: Int64
    public var label: String
    public var catalogName: String
    /// "● Active" when the app can sync (`SyncReadiness`), "○ Not configured" while API integration
    /// is off, else what is missing ("⚠ No API token").
    public var provisioning: String
    public var isProvisioningActive: Bool
    public var users: Int
    public var groups: Int
    public var failedTasks: Int

    public var tasksText: String { failedTasks == 0 ? "–" : "⚠ \(failedTasks) failed" }

    init(app: Saved<AppIntegration>, readiness: SyncReadiness, counts: AppCounts) {
        id = app.id
        label = app.label
        catalogName = Catalog.entry(named: app.catalogEntry)?.name ?? app.catalogEntry
        provisioning = Self.provisioningText(readiness)
        isProvisioningActive = readiness.isReady
        users = counts.linkedUsers
        groups = counts.pushedGroups
        failedTasks = counts.failedTasks
    }

    static func provisioningText(_ readiness: SyncReadiness) -> String {
        switch readiness.reason {
        case nil: return "● Active"
        case .apiIntegrationOff: return "○ Not configured"
        case .noBaseURL: return "⚠ No base URL"
        case .badBaseURL: return "⚠ Bad base URL"
        case .noToken: return "⚠ No API token"
        }
    }
}
