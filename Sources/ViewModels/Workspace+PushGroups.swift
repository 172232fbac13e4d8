/// The Push Groups tab's runner, beside the other tabs' (kept in its own file so tabs grow apart).
extension Workspace {
    /// The Push Groups tab's effects for one app; throws when the app is gone.
    public func pushGroupsRunner(appID: Int64) throws -> PushGroupsEffectRunner {
        guard let app = try store.apps.app(id: appID) else { throw AppDetail.Failure.gone(appID) }
        return PushGroupsEffectRunner(store: store, app: app, canSync: syncRunner != nil)
    }
}
