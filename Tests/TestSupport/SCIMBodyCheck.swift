import Foundation

/// Every request body a recording proxy saw, validated by scim2-models (PyPI) as a User, Group or
/// PatchOp (`Tests/Fixtures/scim_body_check.py`): what a third party's reading of SCIM makes of them.
public enum SCIMBodyCheck {
    public struct Refusal: Decodable, Sendable, CustomStringConvertible {
        public var index: Int
        public var method: String
        public var path: String
        public var model: String
        public var error: String
        public var description: String { "\(method) \(path) as \(model): \(error)" }
    }

    public struct Outcome: Sendable {
        /// Bodies checked (those of POST, PUT and PATCH to Users and Groups).
        public var checked: Int
        public var refused: [Refusal]
    }

    public static func validate(_ seen: [FaultProxy.Seen]) throws -> Outcome {
        let requests = seen.map { ["method": $0.method, "path": $0.target, "body": String(decoding: $0.body, as: UTF8.self)] }
        let directory = try TestEnvironment.makeTemporaryDirectory("scim-body-check")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("requests.json")
        try JSONSerialization.data(withJSONObject: requests).write(to: input)
        let process = Process()
        process.executableURL = TestEnvironment.venvTool("python3")
        process.arguments = [TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/scim_body_check.py").path, input.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SCIMBodyCheckError.failed(said) }
        let checked = said.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Outcome(checked: checked, refused: try JSONDecoder().decode([Refusal].self, from: printed))
    }
}

public enum SCIMBodyCheckError: Error, CustomStringConvertible {
    case failed(String)
    public var description: String {
        switch self {
        case .failed(let said): return "the scim2-models check did not run: \(said)"
        }
    }
}
