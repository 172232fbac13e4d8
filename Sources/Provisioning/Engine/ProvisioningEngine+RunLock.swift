import Foundation
import Store

extension ProvisioningEngine {
    /// Runs `body` holding the app's run lock: one run per app at a time, whoever starts it. A lock
    /// left by a killed run is taken over at once; a live holder is waited for (polled: the holder
    /// may be another process) or, when the claim does not wait, reported as `EngineError.appBusy`.
    public func withRunLock<T: Sendable>(_ claim: RunClaim, _ body: () async throws -> T) async throws -> T {
        let token = UUID().uuidString
        var told = false
        while true {
            switch try store.runLocks.acquire(appId: appID, token: token, holder: claim.holder) {
            case .acquired:
                do {
                    let result = try await body()
                    try? store.runLocks.release(appId: appID, token: token)
                    return result
                } catch {
                    try? store.runLocks.release(appId: appID, token: token)
                    throw error
                }
            case .heldBy(let holder):
                guard claim.waits else { throw EngineError.appBusy(app.label, holder: holder.holderDescription) }
                if !told {
                    claim.onWait("waiting: \(app.label) is being synced by \(holder.holderDescription)")
                    told = true
                }
                try await Task.sleep(nanoseconds: 200_000_000)
            }
        }
    }
}
