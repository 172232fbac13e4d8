import Foundation
import JSON

/// A SCIM 2.0 client over any `HTTPTransport`. Every operation throws `SCIMClientError`
/// (or `CancellationError` when its task is cancelled while waiting to retry).
public struct SCIMClient: Sendable {
    public var configuration: SCIMClientConfiguration
    let transport: any HTTPTransport
    let observer: (@Sendable (SCIMExchange) -> Void)?
    let sleeper: @Sendable (Double) async throws -> Void
    /// Shared by every copy of this client: one run's pauses and concurrency window.
    public private(set) var pacer: SCIMRequestPacer

    /// - Parameters:
    ///   - observer: told of every request sent and its outcome (for the Log tab); the token is already redacted.
    ///   - sleeper: waits between retries of one request; tests pass one that does not sleep.
    ///   - pacer: paces the run (pauses on rate limits, adaptive concurrency); a client of its own by default.
    public init(configuration: SCIMClientConfiguration, transport: any HTTPTransport,
                observer: (@Sendable (SCIMExchange) -> Void)? = nil,
                sleeper: @escaping @Sendable (Double) async throws -> Void = SCIMClient.taskSleep,
                pacer: SCIMRequestPacer? = nil) {
        self.configuration = configuration
        self.transport = transport
        self.observer = observer
        self.sleeper = sleeper
        self.pacer = pacer ?? SCIMRequestPacer()
    }

    /// This client paced by `pacer` (a run's concurrency limit, pause budget and pause reports).
    public func pacing(_ pacer: SCIMRequestPacer) -> SCIMClient {
        var copy = self
        copy.pacer = pacer
        return copy
    }

    public static let taskSleep: @Sendable (Double) async throws -> Void = { seconds in
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }

    // MARK: Building requests

    /// A request to `path` under the base URL; `path` is already percent-encoded.
    func makeRequest(_ method: String, path: String, query: [(String, String)] = [], body: JSONValue? = nil,
                     ifMatch: String? = nil) throws(SCIMClientError) -> HTTPRequest {
        let base = configuration.baseURL.absoluteString
        guard let scheme = configuration.baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = configuration.baseURL.host, !host.isEmpty
        else { throw SCIMClientError(kind: .invalidBaseURL(base)) }
        var text = base.hasSuffix("/") ? String(base.dropLast()) : base
        if !path.isEmpty { text += path.hasPrefix("/") ? path : "/" + path }
        if !query.isEmpty {
            text += (text.contains("?") ? "&" : "?") + query.map { "\(Self.encodeQuery($0.0))=\(Self.encodeQuery($0.1))" }.joined(separator: "&")
        }
        guard let url = URL(string: text) else { throw SCIMClientError(kind: .invalidBaseURL(base)) }
        var headers: [(name: String, value: String)] = [
            ("Authorization", configuration.token.authorizationValue),
            ("Accept", "application/scim+json, application/json"),
        ]
        var data: Data?
        if let body {
            headers.append(("Content-Type", "application/scim+json"))
            data = body.encoded()
        }
        if let ifMatch { headers.append(("If-Match", ifMatch)) }
        if let userAgent = configuration.userAgent { headers.append(("User-Agent", userAgent)) }
        return HTTPRequest(method: method, url: url, headers: headers, body: data, timeout: configuration.timeout)
    }

    /// `Users/<id>` with the id percent-encoded as one path segment.
    static func resourcePath(_ endpoint: String, _ id: String) -> String {
        "\(endpoint)/\(id.addingPercentEncoding(withAllowedCharacters: unreserved) ?? id)"
    }

    static func encodeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// RFC 3986 unreserved characters: everything else is percent-encoded (`+` too, which some servers read as a space).
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    // MARK: Sending

    /// Sends with the configured retries (use for idempotent requests only); returns a 2xx answer or throws.
    func send(_ request: HTTPRequest, retry: SCIMRetryPolicy? = nil) async throws -> HTTPResponse {
        let policy = retry ?? configuration.retry
        var attempt = 1
        var waited = 0.0
        while true {
            do {
                return try await sendOnce(request, attempt: attempt)
            } catch let error as SCIMClientError {
                guard let decision = policy.decision(after: error, attempt: attempt, waited: waited) else { throw error }
                try await wait(decision)
                if case .backOff(let seconds) = decision { waited += seconds }
                attempt += 1
            }
        }
    }

    /// Waits before a resend: a back-off sleeps here; a pause of the run was already set on the pacer
    /// by `sendOnce`, and the next send waits for it there, with every other request of the run.
    func wait(_ decision: SCIMRetryPolicy.Decision) async throws {
        switch decision {
        case .backOff(let seconds): try await sleeper(seconds)
        case .pauseRun: break
        }
    }

    /// One send: a 2xx answer, or a `SCIMClientError` for a transport failure or any other status.
    /// Waits for the pacer first; what the app answers has the token redacted before anything reads it.
    func sendOnce(_ request: HTTPRequest, attempt: Int) async throws -> HTTPResponse {
        do {
            try await pacer.acquire()
        } catch let error as SCIMClientError {
            var refused = error
            refused.request = SCIMRequestSummary(request)
            refused.attempts = attempt
            throw refused
        }
        let answered: HTTPResponse
        do {
            answered = try await transport.send(request)
        } catch let error as TransportError {
            await pacer.release(.other)
            observe(request, attempt: attempt, response: nil, error: error)
            throw SCIMClientError(kind: .transport(error), request: SCIMRequestSummary(request), attempts: attempt)
        } catch is CancellationError {
            await pacer.release(.other)
            throw SCIMClientError(kind: .transport(.cancelled), request: SCIMRequestSummary(request), attempts: attempt)
        } catch {
            await pacer.release(.other)
            let wrapped = TransportError.failed(code: -1, detail: "\(error)")
            observe(request, attempt: attempt, response: nil, error: wrapped)
            throw SCIMClientError(kind: .transport(wrapped), request: SCIMRequestSummary(request), attempts: attempt)
        }
        // What the app answers is untrusted: the token comes out here, before the log, errors or the journal see it.
        let response = ResponseRedactor(token: configuration.token.secret).redact(answered)
        for _ in 1..<max(1, response.sends) {
            // Sends the transport made on its own: the server saw them, so the log shows them.
            observe(request, attempt: attempt, response: nil,
                    error: .connectionLost(detail: "no answer on a reused connection; the request was sent again on a new one"))
        }
        observe(request, attempt: attempt, response: response, error: nil)
        guard (200..<300).contains(response.status) else {
            let error = Self.statusError(response, request: request, attempt: attempt)
            if response.status == 429 || response.status == 503 {
                await pacer.release(.slowDown(pause: SCIMRetryPolicy.runPause(after: error), status: response.status))
            } else {
                await pacer.release(.other)
            }
            throw error
        }
        await pacer.release(.success)
        return response
    }

    private func observe(_ request: HTTPRequest, attempt: Int, response: HTTPResponse?, error: TransportError?) {
        guard let observer else { return }
        observer(SCIMExchange(
            request: SCIMRequestSummary(request), status: response?.status, latency: response?.latency ?? 0,
            responseBody: response.map { SCIMRequestSummary.excerpt($0.body) }, error: error, attempt: attempt))
    }

    static func statusError(_ response: HTTPResponse, request: HTTPRequest, attempt: Int) -> SCIMClientError {
        var error = SCIMClientError(
            kind: .status, status: response.status, request: SCIMRequestSummary(request), attempts: attempt,
            retryAfter: SCIMRetryPolicy.retryAfterSeconds(response.header("Retry-After")))
        if ResponseBody.looksLikeJSON(response.body), let json = try? JSONValue.parse(response.body),
           let body = SCIMErrorResponse(json: json) {
            error.scimType = body.scimType
            error.detail = body.detail
            error.hasSCIMErrorBody = true
        } else if !response.body.isEmpty {
            error.detail = ResponseBody.describe(response)
        }
        return error
    }

    // MARK: Decoding

    /// The JSON object of a 2xx answer, or `notSCIM` saying what came instead.
    static func decodeObject(_ response: HTTPResponse, request: HTTPRequest) throws(SCIMClientError) -> JSONObject {
        let json = try decodeJSON(response, request: request)
        guard case .object(let object) = json else {
            throw notSCIM("expected a JSON object, got \(json.kindName)", response, request)
        }
        return object
    }

    static func decodeJSON(_ response: HTTPResponse, request: HTTPRequest) throws(SCIMClientError) -> JSONValue {
        guard !response.body.isEmpty else { throw notSCIM("an empty body where JSON was expected", response, request) }
        guard ResponseBody.looksLikeJSON(response.body) else { throw notSCIM(ResponseBody.describe(response), response, request) }
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw notSCIM("malformed or truncated JSON (\(response.body.count) bytes)", response, request)
        }
    }

    static func notSCIM(_ reason: String, _ response: HTTPResponse, _ request: HTTPRequest) -> SCIMClientError {
        SCIMClientError(kind: .notSCIM(reason: reason), status: response.status, request: SCIMRequestSummary(request))
    }
}
