import Foundation
import Terminal
import ViewModels

/// Where the demo's server and token are: the run script exports them after starting
/// scim2-server on loopback; `scimdeck demo` takes them as options too.
struct DemoSettings: Sendable {
    var baseURL: String
    var tokenFile: String
    var directoryFile: String

    static func fromEnvironment(_ environment: [String: String]) -> DemoSettings? {
        guard let url = environment["SCIMDECK_DEMO_BASE_URL"], let tokenFile = environment["SCIMDECK_DEMO_TOKEN_FILE"] else { return nil }
        return DemoSettings(baseURL: url, tokenFile: tokenFile, directoryFile: environment["SCIMDECK_DEMO_DIRECTORY"] ?? defaultDirectoryFile())
    }

    /// The sample directory shipped with scimdeck, found from the binary (installed in
    /// `PREFIX/share/scimdeck/Samples`, or the checkout's `Samples/`) so the demo works from any
    /// folder; the working directory's `Samples/` only when neither is there.
    static func defaultDirectoryFile(executablePath: String? = ShareDirectory.executablePath()) -> String {
        sampleCandidates(executablePath: executablePath).first { FileManager.default.isReadableFile(atPath: $0) } ?? "Samples/directory.csv"
    }

    /// Where `defaultDirectoryFile` looks, for the error that says none is there.
    static func sampleCandidates(executablePath: String? = ShareDirectory.executablePath()) -> [String] {
        ShareDirectory.candidates("Samples", executablePath: executablePath).map { $0 + "/directory.csv" }
    }

    /// Reads the token from its file (never from argv).
    func workspace() throws -> DemoWorkspace {
        let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return DemoWorkspace(directoryFile: directoryFile, baseURL: baseURL, token: token)
    }
}
