import ArgumentParser
import Foundation
import Store

/// `scimdeck directory generate --people N --groups M [-o FILE]`
struct DirectoryGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a made-up directory as CSV, ready for `directory import`.",
        discussion: "The same counts and seed give the same file. Each person is in one to three groups."
    )

    @Option(help: "How many people.") var people = 1_000
    @Option(help: "How many groups.") var groups = 20
    @Option(help: "Seed for the made-up data.") var seed: UInt64 = 2_025
    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of stdout.") var output: String?

    func validate() throws {
        guard people >= 0, groups >= 0 else { throw ValidationError("--people and --groups must not be negative") }
    }

    func run() throws {
        let generator = DirectoryGenerator(people: people, groups: groups, seed: seed)
        guard let output else {
            try generator.write(to: FileHandle.standardOutput)
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: nil), let handle = FileHandle(forWritingAtPath: output) else {
            throw ValidationError("cannot write \(output)")
        }
        defer { try? handle.close() }
        try generator.write(to: handle)
        StandardStreams.err("wrote \(people) people in \(groups) groups to \(output)\n")
    }
}
