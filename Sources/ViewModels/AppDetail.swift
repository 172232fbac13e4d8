import Foundation
import Provisioning
import Store

/// One app as its read-only tabs show it. Sign On and Push Groups have screens of their own (`SignOnTab`,
/// `PushGroupsViewModel`), so no panel here.
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

    public func panel(_ tab: AppTab) -> AppPanel { panels[tab] ?? AppPanel() }

    static let readOnlyNote = "Read-only for now: the stored settings (`scimdeck app set` edits them)."

    public static func load(appID: Int64, in workspace: Workspace, logLimit: Int = 500) throws -> AppDetail {
        let store = workspace.store
        guard let app = try store.apps.all().first(where: { $0.id == appID }) else { throw Failure.gone(appID) }
        let entry = Catalog.entry(named: app.catalogEntry)
        let stack = app.stack == .production ? "production" : "demo-test"
        var panels: [AppTab: AppPanel] = [:]
        panels[.general] = AppPanel(fields: [
            .init("Application label", app.label),
            .init("Catalog entry", entry?.name ?? app.catalogEntry),
            .init("Stack", stack),
            .init("Added", Self.timestamp(app.createdAt)),
        ], note: entry?.summary)
        panels[.provisioning] = try provisioningPanel(appID: appID, entry: entry, store: store)
        panels[.assignments] = try assignmentsPanel(appID: appID, store: store)
        panels[.log] = try logPanel(appID: appID, store: store, limit: logLimit)
        return AppDetail(id: appID, label: app.label, catalogName: entry?.name ?? app.catalogEntry, stack: stack, panels: panels)
    }

    /// Deletes the app with its settings, links and log (the store cascades).
    public static func delete(appID: Int64, in workspace: Workspace) throws -> Bool {
        try workspace.store.apps.remove(appId: appID)
    }

    static func provisioningPanel(appID: Int64, entry: CatalogEntry?, store: ScimdeckStore) throws -> AppPanel {
        let settings = try store.records(ProvisioningSettings.self).fetch(key: appID) ?? ProvisioningSettings(appId: appID)
        let token = try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText()
        let mappings = try store.records(Store.AttributeMapping.self).all(appId: appID)
        var fields: [AppPanel.Field] = [
            .init("Enable API integration", settings.apiIntegrationEnabled ? "☑ on" : "☐ off"),
            .init("Base URL", settings.baseURL.orDash),
            .init("API Token", Self.maskedToken(token)),
            .init("Create Users", settings.createUsers ? "☑" : "☐"),
            .init("Update User Attributes", settings.updateUserAttributes ? "☑" : "☐"),
            .init("Deactivate Users", settings.deactivateUsers ? "☑" : "☐"),
            .init("Request profile", settings.requestProfile.rawValue),
        ]
        if let reason = entry?.syncPasswordUnsupportedReason { fields.append(.init("Sync Password", "not offered: \(reason)")) }
        return AppPanel(
            fields: fields, columns: ["ATTRIBUTE", "VALUE", "APPLY ON"], fixedWidths: [24, nil, 14],
            rows: mappings.map { [$0.scimAttribute, $0.expression, $0.applyOn == .createOnly ? "Create" : "Create, Update"] },
            note: readOnlyNote, emptyText: "No attribute mappings."
        )
    }

    static func assignmentsPanel(appID: Int64, store: ScimdeckStore) throws -> AppPanel {
        let groupNames = try groupNamesByID(store)
        let links = Dictionary(try store.provisioning.remoteLinks(appId: appID, kind: .user).map { ($0.localId, $0) },
                               uniquingKeysWith: { first, _ in first })
        let rows = try store.provisioning.scope(appId: appID).map { scoped -> [String] in
            let via = scoped.viaGroupIds.compactMap { groupNames[$0] }
            let assigned = scoped.assignedDirectly ? "direct" : "Group: " + via.joined(separator: ", ")
            let status: String
            if let link = scoped.person.id.flatMap({ links[$0] }) {
                status = link.status == .error ? "✗ Error" : link.status == .deactivated ? "○ Deactivated" : "● Provisioned"
            } else {
                status = "◌ Pending"
            }
            return [scoped.person.displayName.isEmpty ? scoped.person.login : scoped.person.displayName, scoped.person.login, assigned, status]
        }
        return AppPanel(columns: ["PERSON", "USERNAME", "ASSIGNED", "STATUS"], fixedWidths: [nil, nil, nil, 15], rows: rows,
                        note: "Read-only: people in scope. `scimdeck assign` assigns today.",
                        emptyText: "Nobody is assigned to this app.")
    }

    static func groupNamesByID(_ store: ScimdeckStore) throws -> [Int64: String] {
        Dictionary(try store.directory.groups().compactMap { summary in summary.group.id.map { ($0, summary.group.name) } },
                   uniquingKeysWith: { first, _ in first })
    }

    static func logPanel(appID: Int64, store: ScimdeckStore, limit: Int) throws -> AppPanel {
        let rows = try store.provisioning.requestLog(appId: appID, limit: limit).map { entry -> [String] in
            [Self.timestamp(entry.sentAt), entry.method, entry.path, entry.statusCode.map(String.init) ?? "—",
             "\(entry.latencyMilliseconds) ms", entry.result]
        }
        let failed = try store.provisioning.failedOperationsOfLatestRun(appId: appID).count
        return AppPanel(columns: ["TIME", "METHOD", "PATH", "STATUS", "LATENCY", "RESULT"],
                        fixedWidths: [19, 6, nil, 6, 8, nil], rows: rows,
                        note: failed > 0 ? "⚠ \(failed) operations of the latest run failed; the next sync retries them." : nil,
                        emptyText: "No SCIM request sent yet.")
    }

    static func maskedToken(_ token: String?) -> String {
        guard let token, !token.isEmpty else { return "not set" }
        return token.count > 12 ? "••••••••" + token.suffix(4) : "••••••••"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}

extension String {
    var orDash: String { isEmpty ? "—" : self }
}
