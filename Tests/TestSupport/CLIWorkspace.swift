import Foundation

/// What every test of scimdeck's commands starts from: a real scim2-server, a folder of its own
/// with a store path and the server's token in a 0600 file, and the built binary run against them.
public final class CLIWorkspace: @unchecked Sendable {
    public let server: SCIMServerFixture
    public let directory: URL
    public let storePath: String
    public let tokenFile: URL

    public init(_ name: String) throws {
        server = try SCIMServerFixture.start()
        directory = try TestEnvironment.makeTemporaryDirectory(name)
        storePath = directory.appendingPathComponent("store.sqlite").path
        tokenFile = directory.appendingPathComponent("token")
        _ = FileManager.default.createFile(atPath: tokenFile.path, contents: Data(server.token.utf8), attributes: [.posixPermissions: 0o600])
    }

    /// Stops the server and removes the folder.
    public func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// `scimdeck ARGUMENTS --store STORE`, to the end.
    public func run(_ arguments: [String]) throws -> ScimdeckRun {
        try ScimdeckRun.run(arguments + ["--store", storePath], in: directory)
    }

    /// `run`, failing with what it printed unless it exits `status`.
    @discardableResult
    public func run(_ arguments: [String], expect status: Int32) throws -> ScimdeckRun {
        let run = try run(arguments)
        guard run.status == status else { throw CLIWorkspaceError.unexpectedStatus(arguments, run) }
        return run
    }

    /// `scimdeck ARGUMENTS --store STORE` left running, to be killed or waited for.
    public func background(_ arguments: [String]) throws -> ScimdeckBackgroundRun {
        try ScimdeckBackgroundRun(arguments + ["--store", storePath], in: directory)
    }

    /// An Axiad Cloud app called `label`, its integration on against `baseURL` (the server unless
    /// given) with the server's token file, and Create / Update / Deactivate Users as given.
    public func addAxiadApp(_ label: String, baseURL: URL? = nil, createUsers: Bool = true, updateUsers: Bool = true, deactivateUsers: Bool = true) throws {
        try run(["app", "add", "--catalog", "Axiad Cloud", "--label", label], expect: 0)
        try run(["app", "set", "--app", label, "--base-url", (baseURL ?? server.baseURL).absoluteString, "--token-file", tokenFile.path,
                 "--enable-api-integration", "--create-users", createUsers ? "on" : "off", "--update-users", updateUsers ? "on" : "off",
                 "--deactivate-users", deactivateUsers ? "on" : "off"], expect: 0)
    }

    /// A generated directory of `people` in `groups`, imported.
    public func importGenerated(people: Int, groups: Int, seed: Int) throws {
        let csv = directory.appendingPathComponent("people.csv").path
        try run(["directory", "generate", "--people", String(people), "--groups", String(groups), "--seed", String(seed), "-o", csv], expect: 0)
        try run(["directory", "import", csv], expect: 0)
    }
}

public enum CLIWorkspaceError: Error, CustomStringConvertible {
    case unexpectedStatus([String], ScimdeckRun)

    public var description: String {
        switch self {
        case .unexpectedStatus(let arguments, let run):
            return "scimdeck \(arguments.joined(separator: " ")) exited \(run.status):\n\(run.stdout)\(run.stderr)"
        }
    }
}
