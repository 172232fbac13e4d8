import Foundation
import JSON

/// A loopback HTTP proxy between the client under test and a real server, which answers chosen
/// requests with a fault instead of (or on top of) the server's answer. One thread per connection;
/// one request per connection with `Connection: close`, or, with `keepAlive`, connections the client
/// may reuse (needed to show what a client does when a reused connection dies): simple enough to
/// trust in a test.
public final class FaultProxy: @unchecked Sendable {
    public enum Fault: Sendable, Equatable {
        /// Answer with this status, headers and body; the server never sees the request.
        case status(Int, headers: [String: String] = [:], body: String = "")
        /// Forward, then send the head and half the body (with the full Content-Length) and close.
        case cutMidResponse
        /// Answer 200 with `application/scim+json` that stops half-way through.
        case brokenJSON
        /// Answer with an HTML page, as a login portal or a load balancer does.
        case htmlPage(status: Int, title: String)
        /// Wait this many seconds, then forward.
        case delay(Double)
        /// Answer with exactly these bytes as the body (a gzip-compressed one, say).
        case body(Int, headers: [String: String], bytes: Data)
        /// Forward (the server commits the request), then close the client's connection without a byte of answer.
        case commitThenDrop
        /// Forward, then rewrite the top-level attributes of the answer's JSON resource (another userName,
        /// displayName or the id of another resource), as a broken or hostile app might.
        case rewriteResource([String: String])
        /// Answer this status with a body that repeats every request header, Authorization included.
        case echoHeaders(Int)
    }

    /// One request the proxy saw, and the fault it applied.
    public struct Seen: Sendable, CustomStringConvertible {
        public var method: String
        public var target: String
        public var headers: [String]
        /// The request's body as it came (empty for a GET).
        public var body: Data
        public var fault: Fault?
        /// When the request's head had arrived.
        public var at: Date
        public var description: String { "\(method) \(target)\(fault.map { " [\($0)]" } ?? "")" }

        /// The value of the request header `name` (any case), if it was sent.
        public func header(_ name: String) -> String? {
            let prefix = name.lowercased() + ":"
            return headers.first { $0.lowercased().hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
        }
    }

    private struct Rule {
        var fault: Fault
        var remaining: Int
        var method: String?
        var pathContains: String?
    }

    public let port: Int
    public let upstreamPort: Int
    private let listener: Int32
    private let lock = NSLock()
    private var rules: [Rule] = []
    private var seenRequests: [Seen] = []
    private var stopped = false
    private let keepAlive: Bool
    private let basePath: String

    /// The server's SCIM base URL, through the proxy.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)\(basePath)")! }

    /// - Parameter keepAlive: answer HTTP/1.1 with `Content-Length` and keep the connection open for
    ///   the client's next request, instead of one request per connection.
    /// - Parameter basePath: the server's SCIM base path (`/v2` for scim2-server).
    public init(upstreamPort: Int, keepAlive: Bool = false, basePath: String = "/v2") throws {
        (listener, port) = try LoopbackSocket.listen()
        self.upstreamPort = upstreamPort
        self.keepAlive = keepAlive
        self.basePath = basePath
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "fault-proxy-\(port)"
        thread.start()
    }

    /// A proxy in front of `server`, at the server's own base path.
    public convenience init(inFrontOf server: any SCIMServiceProvider, keepAlive: Bool = false) throws {
        try self.init(upstreamPort: server.port, keepAlive: keepAlive, basePath: server.basePath)
    }

    deinit {
        stop()
    }

    /// Applies `fault` to the next `times` requests that match (method, and a part of the path and query).
    public func inject(_ fault: Fault, times: Int = 1, method: String? = nil, pathContains: String? = nil) {
        lock.withLock { rules.append(Rule(fault: fault, remaining: times, method: method, pathContains: pathContains)) }
    }

    public func clearFaults() {
        lock.withLock { rules.removeAll() }
    }

    /// Every request seen so far, in order of arrival.
    public var seen: [Seen] {
        lock.withLock { seenRequests }
    }

    public func stop() {
        let wasStopped = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in
                handle(client)
                close(client)
            }
            thread.start()
        }
    }

    private func handle(_ client: Int32) {
        // Without keep-alive, one exchange; with it, exchanges until the client closes or a fault drops the connection.
        while handleOne(client), keepAlive {}
    }

    /// One request and its answer; false when the connection is done.
    private func handleOne(_ client: Int32) -> Bool {
        guard let (head, body) = LoopbackSocket.readRequest(client) else { return false }
        let arrived = Date()
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
        let method = requestLine.first ?? ""
        let target = requestLine.count > 1 ? requestLine[1] : ""
        let fault = takeFault(method: method, target: target)
        lock.withLock { seenRequests.append(Seen(method: method, target: target, headers: Array(lines.dropFirst()), body: body, fault: fault, at: arrived)) }

        switch fault {
        case .status(let status, let headers, let text):
            respond(client, status: status, headers: headers.merging(["Content-Type": "application/scim+json"]) { mine, _ in mine }, body: text)
        case .brokenJSON:
            respond(client, status: 200, headers: ["Content-Type": "application/scim+json"],
                    body: #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 1, "Resources": [{"id": "4e4c"#)
        case .htmlPage(let status, let title):
            respond(client, status: status, headers: ["Content-Type": "text/html; charset=utf-8"],
                    body: "<!DOCTYPE html><html><head><title>\(title)</title></head><body><h1>\(title)</h1></body></html>")
        case .body(let status, let headers, let bytes):
            LoopbackSocket.write(client, response(status: status, headers: headers, body: bytes))
        case .delay(let seconds):
            Thread.sleep(forTimeInterval: seconds)
            LoopbackSocket.write(client, relay(forward(lines: lines, body: body)))
        case .cutMidResponse:
            let answer = forward(lines: lines, body: body)
            if let split = answer.range(of: Data("\r\n\r\n".utf8)) {
                let bodyLength = answer.count - split.upperBound
                LoopbackSocket.write(client, answer.prefix(split.upperBound + bodyLength / 2))
            }
            return false
        case .commitThenDrop:
            _ = forward(lines: lines, body: body)
            return false
        case .rewriteResource(let replacements):
            LoopbackSocket.write(client, relay(Self.rewrite(forward(lines: lines, body: body), replacements)))
        case .echoHeaders(let status):
            let detail = "request refused; you sent: " + lines.dropFirst().joined(separator: "; ")
            let error: JSONValue = ["schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": .string("\(status)"), "detail": .string(detail)]
            respond(client, status: status, headers: ["Content-Type": "application/scim+json", "X-Echo-Authorization": lines.first { $0.lowercased().hasPrefix("authorization:") } ?? ""],
                    body: error.encodedText())
        case nil:
            LoopbackSocket.write(client, relay(forward(lines: lines, body: body)))
        }
        return true
    }

    private func takeFault(method: String, target: String) -> Fault? {
        lock.withLock {
            guard let index = rules.firstIndex(where: { rule in
                rule.remaining > 0 && (rule.method.map { $0 == method } ?? true) && (rule.pathContains.map { target.contains($0) } ?? true)
            }) else { return nil }
            rules[index].remaining -= 1
            let fault = rules[index].fault
            if rules[index].remaining == 0 { rules.remove(at: index) }
            return fault
        }
    }

    /// Sends the request to the server with `Connection: close` and returns its whole answer.
    private func forward(lines: [String], body: Data) -> Data {
        guard let upstream = LoopbackSocket.connect(port: upstreamPort) else {
            return Self.response(status: 502, headers: ["Content-Type": "text/plain"], body: "fault proxy: upstream down")
        }
        defer { close(upstream) }
        let kept = lines.dropFirst().filter { line in
            let name = line.split(separator: ":").first?.lowercased() ?? ""
            return name != "connection" && name != "keep-alive" && name != "proxy-connection"
        }
        let head = ([lines.first ?? ""] + kept + ["Connection: close", "", ""]).joined(separator: "\r\n")
        guard LoopbackSocket.write(upstream, Data(head.utf8) + body) else { return Data() }
        return LoopbackSocket.readToEnd(upstream)
    }

    private func respond(_ client: Int32, status: Int, headers: [String: String], body: String) {
        LoopbackSocket.write(client, response(status: status, headers: headers, body: Data(body.utf8)))
    }

    private func response(status: Int, headers: [String: String], body payload: Data) -> Data {
        Self.response(status: status, headers: headers, body: payload, keepAlive: keepAlive)
    }

    /// The server's answer as this proxy passes it on: as it came, or re-framed for a kept-alive
    /// connection (HTTP/1.1, `Content-Length`, no `Connection: close`).
    private func relay(_ answer: Data) -> Data {
        guard keepAlive, let parsed = Self.split(answer) else { return answer }
        return Self.response(status: parsed.status, headers: parsed.headers, body: parsed.body, keepAlive: true)
    }

    static func response(status: Int, headers: [String: String], body: String) -> Data {
        response(status: status, headers: headers, body: Data(body.utf8))
    }

    static func response(status: Int, headers: [String: String], body payload: Data, keepAlive: Bool = false) -> Data {
        var head = "HTTP/1.1 \(status) Fault\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(payload.count)\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n"
        return Data(head.utf8) + payload
    }

    /// Status, headers (framing ones left out) and body of a whole answer read to the end.
    static func split(_ answer: Data) -> (status: Int, headers: [String: String], body: Data)? {
        guard let end = answer.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: answer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines.first?.split(separator: " ") ?? []
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !["content-length", "connection", "keep-alive", "transfer-encoding"].contains(parts[0].lowercased()) else { continue }
            headers[parts[0]] = parts[1]
        }
        return (status, headers, Data(answer[end.upperBound...]))
    }

    /// The answer with the given top-level attributes of its JSON object replaced.
    static func rewrite(_ answer: Data, _ replacements: [String: String]) -> Data {
        guard let parsed = split(answer), var object = (try? JSONValue.parse(parsed.body))?.objectValue else { return answer }
        for (key, value) in replacements { object[key] = .string(value) }
        return response(status: parsed.status, headers: parsed.headers, body: JSONValue.object(object).encoded())
    }
}
