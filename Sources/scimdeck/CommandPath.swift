import ArgumentParser

/// The words that name a subcommand on the command line (`scimdeck app set`), found by walking the
/// command tree: an error from a command's `run` points at that command's `--help`.
enum CommandPath {
    static func words(to target: ParsableCommand.Type, from root: ParsableCommand.Type = Scimdeck.self) -> [String]? {
        if ObjectIdentifier(root) == ObjectIdentifier(target) { return [root._commandName] }
        for subcommand in root.configuration.subcommands {
            if let rest = words(to: target, from: subcommand) { return [root._commandName] + rest }
        }
        return nil
    }

    static func line(for target: ParsableCommand.Type) -> String {
        (words(to: target) ?? [Scimdeck._commandName]).joined(separator: " ")
    }
}
