import Foundation
import SCIM
import Store

/// Writes every SCIM exchange of an app to the request log (the Log tab), token already redacted.
public struct RequestLogRecorder: Sendable {
    let store: ScimdeckStore
    let appID: Int64

    public init(store: ScimdeckStore, appID: Int64) {
        self.store = store
        self.appID = appID
    }

    /// The client's observer. A log write that fails is dropped: the log never stops a provisioning run.
    public func record(_ exchange: SCIMExchange) {
        let url = URL(string: exchange.request.url)
        let path = url.map { $0.path + ($0.query.map { "?" + $0 } ?? "") } ?? exchange.request.url
        let result: String
        if let error = exchange.error {
            result = error.description
        } else if let status = exchange.status {
            result = (200..<300).contains(status) ? "ok" : "HTTP \(status)"
        } else {
            result = "no answer"
        }
        let entry = RequestLogEntry(
            appId: appID, sentAt: Date(timeIntervalSinceNow: -exchange.latency), method: exchange.request.method, path: path,
            statusCode: exchange.status, latencyMilliseconds: Int((exchange.latency * 1000).rounded()),
            result: exchange.attempt > 1 ? "\(result) (attempt \(exchange.attempt))" : result,
            requestBody: exchange.request.body, responseBody: exchange.responseBody
        )
        _ = try? store.records(RequestLogEntry.self).insert(entry)
    }
}
