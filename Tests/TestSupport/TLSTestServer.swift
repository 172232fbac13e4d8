import Foundation

/// An https server on loopback with a certificate from a private CA made for the test, answering every
/// GET with an empty SCIM ListResponse: enough to check TLS verification and `--ca-file`.
public final class TLSTestServer: @unchecked Sendable {
    public let port: Int
    /// The private CA's certificate (PEM), for `CurlTransportConfiguration.caFile`.
    public let caFile: String
    private let process: Process
    private let lifeline = Pipe()
    private let directory: URL

    public var baseURL: URL { URL(string: "https://127.0.0.1:\(port)/scim/v2")! }

    public init() throws {
        directory = try TestEnvironment.makeTemporaryDirectory("tls-server")
        let authority = try TestCertificateAuthority(in: directory)
        caFile = authority.caFile
        let key = authority.keyFile
        let certificate = authority.certificateFile

        port = try TestEnvironment.freeLoopbackPort()
        let script = """
        import http.server, ssl, sys, threading, os
        def watch():
            sys.stdin.buffer.read()
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = b'{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"startIndex":1,"itemsPerPage":0,"Resources":[]}'
                self.send_response(200)
                self.send_header("Content-Type", "application/scim+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", \(port)), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        server.serve_forever()
        """
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, certificate, key]
        process.standardInput = lifeline
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    deinit {
        try? lifeline.fileHandleForWriting.close()
    }

    /// Closing the lifeline ends the server (its watcher sees end of file): a SIGTERM may be blocked
    /// in a child of the test process, which inherits the test runner's signal mask.
    public func stop() {
        try? lifeline.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(descriptor)
            if connected == 0 { return }
            usleep(50_000)
        }
        throw TLSTestServerError.notListening(port)
    }
}

public enum TLSTestServerError: Error, CustomStringConvertible {
    case notListening(Int)

    public var description: String {
        switch self {
        case .notListening(let port): return "the TLS test server did not listen on \(port)"
        }
    }
}
