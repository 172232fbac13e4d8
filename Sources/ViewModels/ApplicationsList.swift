import Provisioning
import Store

/// The Applications list: every app with its catalog entry, provisioning state and counts.
public enum ApplicationsList {
    public static func load(_ workspace: Workspace) throws -> [ApplicationRow] {
        let store = workspace.store
        return try store.apps.all().compactMap { app -> ApplicationRow? in
            guard let id = app.id else { return nil }
            let settings = try store.records(ProvisioningSettings.self).fetch(key: id)
            let active = settings?.apiIntegrationEnabled == true && settings?.baseURL.isEmpty == false
            return ApplicationRow(
                id: id, label: app.label,
                catalogName: Catalog.entry(named: app.catalogEntry)?.name ?? app.catalogEntry,
                provisioning: active ? "● Active" : "○ Not configured", isProvisioningActive: active,
                users: try store.provisioning.remoteLinks(appId: id, kind: .user).count,
                groups: try store.records(PushGroupLink.self).all(appId: id).count,
                failedTasks: try store.provisioning.failedOperationsOfLatestRun(appId: id).count
            )
        }
    }
}
