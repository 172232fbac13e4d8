import ArgumentParser
import Foundation
import HTTP
import SCIM

/// `scimdeck-scim-bench`: how fast the SCIM client creates users, and what it costs in CPU. Not a test:
/// run it against a throwaway scim2-server (`make bench`); it leaves the users it made. An executable of
/// its own so that a release build of it needs only SCIM, HTTP and libcurl.
@main
struct SCIMBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scimdeck-scim-bench",
        abstract: "Benchmark: N user creates in sequence, then N with several in flight; wall time and client CPU per request.",
        discussion: "Creates 2×N users named bench-<run>-… on the provider: point it at a test server only."
    )

    @Option(help: "The SCIM base URL (plain http only to loopback).")
    var url: String

    @Option(name: .customLong("token-file"), help: "A file holding the API token (else $SCIMDECK_TOKEN).")
    var tokenFile: String?

    @Option(name: .shortAndLong, help: "Creates per round.")
    var count: Int = 500

    @Option(name: .customLong("in-flight"), help: "Requests in flight in the second round.")
    var inFlight: Int = 4

    func validate() throws {
        guard count > 0, inFlight > 0 else { throw ValidationError("--count and --in-flight must be positive") }
    }

    func run() async throws {
        let client = try makeClient()
        let run = UUID().uuidString.prefix(8).lowercased()
        // One request first, so connection set-up and lazy initialisation are not counted.
        guard case .verified = await client.testCredentials() else {
            print(await client.testCredentials().message)
            throw ExitCode.failure
        }
        print("scimdeck scim bench: \(count) creates per round against \(url)")
        let sequential = try await measure(count: count) { index in
            _ = try await client.createUser(SCIMUser(userName: "bench-\(run)-s\(index)"))
        }
        report("sequential", sequential)
        let concurrent = try await measureConcurrently(count: count, inFlight: inFlight) { index in
            _ = try await client.createUser(SCIMUser(userName: "bench-\(run)-c\(index)"))
        }
        report("\(inFlight) in flight", concurrent)
    }

    private func makeClient() throws -> SCIMClient {
        let text: String
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else { throw ValidationError("cannot read \(tokenFile)") }
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = ProcessInfo.processInfo.environment["SCIMDECK_TOKEN"] ?? ""
        }
        guard let token = BearerToken(text) else { throw ValidationError("no token: pass --token-file or set $SCIMDECK_TOKEN") }
        guard let baseURL = URL(string: url) else { throw ValidationError("--url is not a URL") }
        let transport = try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: inFlight))
        return SCIMClient(configuration: SCIMClientConfiguration(baseURL: baseURL, token: token, retry: .never), transport: transport)
    }

    struct Figures {
        var wall: Double
        var cpu: Double
        var count: Int
    }

    private func report(_ label: String, _ figures: Figures) {
        let perSecond = Double(figures.count) / figures.wall
        let cpuPerRequest = figures.cpu / Double(figures.count) * 1000
        print(String(format: "%-14@ %6d creates in %7.3f s = %7.1f req/s; client CPU %.3f ms/request", label as NSString,
                     figures.count, figures.wall, perSecond, cpuPerRequest))
    }

    private func measure(count: Int, _ body: (Int) async throws -> Void) async throws -> Figures {
        let cpuStart = Self.processCPUSeconds()
        let start = Date()
        for index in 0..<count { try await body(index) }
        return Figures(wall: Date().timeIntervalSince(start), cpu: Self.processCPUSeconds() - cpuStart, count: count)
    }

    private func measureConcurrently(count: Int, inFlight: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws -> Figures {
        let cpuStart = Self.processCPUSeconds()
        let start = Date()
        try await Self.concurrently(count: count, inFlight: inFlight, body)
        return Figures(wall: Date().timeIntervalSince(start), cpu: Self.processCPUSeconds() - cpuStart, count: count)
    }

    /// Runs `body(0..<count)` with at most `inFlight` running at once.
    static func concurrently(count: Int, inFlight: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            while next < min(inFlight, count) {
                let index = next
                group.addTask { try await body(index) }
                next += 1
            }
            while try await group.next() != nil {
                if next < count {
                    let index = next
                    group.addTask { try await body(index) }
                    next += 1
                }
            }
        }
    }

    /// User plus system CPU of this whole process (every thread: the tasks and the curl loop).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
