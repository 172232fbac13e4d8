import Provisioning
import Store

/// The Applications list: every app with its catalog entry, whether it can sync, and counts.
public enum ApplicationsList {
    public static func load(_ workspace: Workspace) throws -> [ApplicationRow] {
        let store = workspace.store
        return try store.apps.all().map { app in
            ApplicationRow(app: app, readiness: try SyncReadiness.of(appID: app.id, in: store), counts: try store.provisioning.counts(appId: app.id))
        }
    }
}
