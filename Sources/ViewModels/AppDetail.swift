import Foundation
import Provisioning
import Store

/// One app as its read-only tabs show it (General, Log). Sign On, Provisioning, Assignments and Push Groups
/// have screens of their own, with view models (`SignOnTab`, `ProvisioningTabViewModel`, `AssignmentsViewModel`,
/// `PushGroupsViewModel`).
public struct AppDetail: Sendable, Equatable {
    public enum Failure: Error, CustomStringConvertible {
        case gone(Int64)
        public var description: String {
            switch self {
            case .gone(let id): return "App \(id) is no longer in the store."
            }
        }
    }

    public var id: Int64
    public var label: String
    public var catalogName: String
    public var stack: String
    public var panels: [AppTab: AppPanel]
    /// The Log tab's entries, newest first, row for row (⏎ shows one with its bodies).
    public var requestLog: [RequestLogEntry] = []

    public func panel(_ tab: AppTab) -> AppPanel { panels[tab] ?? AppPanel() }

    public static func load(appID: Int64, in workspace: Workspace, logLimit: Int = 500) throws -> AppDetail {
        let store = workspace.store
        guard let app = try store.apps.app(id: appID) else { throw Failure.gone(appID) }
        let entry = Catalog.entry(named: app.catalogEntry)
        let stack = app.stack == .production ? "production" : "demo-test"
        var panels: [AppTab: AppPanel] = [:]
        panels[.general] = AppPanel(fields: [
            .init("Application label", app.label),
            .init("Catalog entry", entry?.name ?? app.catalogEntry),
            .init("Stack", stack),
            .init("Provisioning", provisioningText(try syncReadiness(appID: appID, in: workspace))),
            .init("Added", Self.timestamp(app.createdAt)),
        ], note: entry?.summary)
        let requestLog = try store.provisioning.requestLog(appId: appID, limit: logLimit)
        panels[.log] = try logPanel(appID: appID, entries: requestLog, store: store)
        return AppDetail(id: appID, label: app.label, catalogName: entry?.name ?? app.catalogEntry, stack: stack, panels: panels, requestLog: requestLog)
    }

    /// Whether the app can sync as stored now (`SyncReadiness`, the rule every screen reads).
    public static func isProvisioningConfigured(appID: Int64, in workspace: Workspace) throws -> Bool {
        try syncReadiness(appID: appID, in: workspace).isReady
    }

    /// Whether the app can sync as stored now, and why not.
    public static func syncReadiness(appID: Int64, in workspace: Workspace) throws -> SyncReadiness {
        try SyncReadiness.of(appID: appID, in: workspace.store)
    }

    /// The General tab's Provisioning field: "Active", or what keeps the app from syncing.
    static func provisioningText(_ readiness: SyncReadiness) -> String {
        guard let reason = readiness.reason else { return "Active" }
        return reason == .apiIntegrationOff ? "Not configured" : "Not ready: \(reason.summary)"
    }

    /// Deletes the app with its settings, links and log (the store cascades).
    public static func delete(appID: Int64, in workspace: Workspace) throws -> Bool {
        try workspace.store.apps.remove(appId: appID)
    }

    static func logPanel(appID: Int64, entries: [RequestLogEntry], store: ScimdeckStore) throws -> AppPanel {
        let rows = entries.map { entry -> [String] in
            [Self.timestamp(entry.sentAt), entry.method, entry.path, entry.statusCode.map(String.init) ?? "—",
             "\(entry.latencyMilliseconds) ms", entry.result]
        }
        let failed = try store.provisioning.failedOperationsOfLatestRun(appId: appID).count
        return AppPanel(columns: ["TIME", "METHOD", "PATH", "STATUS", "LATENCY", "RESULT"],
                        fixedWidths: [19, 6, nil, 6, 8, nil], rows: rows,
                        note: failed > 0 ? "⚠ \(failed) operations of the latest run failed; the next sync retries them. ⏎ on a request shows it whole."
                            : entries.isEmpty ? nil : "⏎ on a request shows it whole: its body and the answer.",
                        emptyText: "No SCIM request sent yet.")
    }

    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
