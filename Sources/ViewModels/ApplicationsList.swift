import Provisioning
import Store

/// The Applications list: every app with its catalog entry, whether it can sync, and counts.
public enum ApplicationsList {
    public static func load(_ workspace: Workspace) throws -> [ApplicationRow] {
        let store = workspace.store
        return try store.apps.all().compactMap { app -> ApplicationRow? in
            guard let id = app.id else { return nil }
            return ApplicationRow(app: app, id: id, readiness: try SyncReadiness.of(appID: id, in: store),
                                  counts: try store.provisioning.counts(appId: id))
        }
    }
}
