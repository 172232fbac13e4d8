import Foundation

/// One run of the built scimdeck binary: its exit status and what it printed.
public struct ScimdeckRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs `scimdeck ARGUMENTS` to the end, output captured through files (no pipe to fill up).
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> ScimdeckRun {
        _ = TestEnvironment.isolatedKeyFile
        let binary = TestEnvironment.scimdeckBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw ScimdeckRunError.noBinary(binary.path)
        }
        return try run(executable: binary, arguments, in: directory, environment: environment)
    }

    /// Runs any program the same way (an installed scimdeck, make, bash), its output files in
    /// `directory`, in `workingDirectory` when given.
    public static func run(executable binary: URL, _ arguments: [String], in directory: URL, workingDirectory: URL? = nil,
                           environment: [String: String]? = nil) throws -> ScimdeckRun {
        let outURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return ScimdeckRun(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The stdout parsed as JSON.
    public func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8))
    }
}

/// A `scimdeck` started in the background, to be killed mid-run.
public final class ScimdeckBackgroundRun: @unchecked Sendable {
    public let process: Process
    /// Where its stdout and stderr go.
    public let log: URL

    public init(_ arguments: [String], in directory: URL) throws {
        _ = TestEnvironment.isolatedKeyFile
        let binary = TestEnvironment.scimdeckBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw ScimdeckRunError.noBinary(binary.path) }
        process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let sink = directory.appendingPathComponent("background-\(UUID().uuidString).log")
        log = sink
        _ = FileManager.default.createFile(atPath: sink.path, contents: nil)
        // One handle for both, so that neither writes over the other.
        let handle = try FileHandle(forWritingTo: sink)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// SIGKILL: no handler runs, nothing is flushed, as when a machine loses power.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGTERM, as systemd stops a service, then waits for the exit.
    public func terminate() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
    }

    /// What it printed so far.
    public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    public var isRunning: Bool { process.isRunning }
}

public enum ScimdeckRunError: Error, CustomStringConvertible {
    case noBinary(String)

    public var description: String {
        switch self {
        case .noBinary(let path): return "no scimdeck binary at \(path): run `swift build` first"
        }
    }
}
