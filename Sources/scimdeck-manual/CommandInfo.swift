/// The part of ArgumentParser's `--experimental-dump-help` JSON (ToolInfo, serialization version 0)
/// a manual page needs. Decoded here because ArgumentParserToolInfo is not a product of the package.
struct ToolInfo: Decodable {
    var serializationVersion: Int
    var command: CommandInfo
}

struct CommandInfo: Decodable {
    var commandName: String
    var superCommands: [String]?
    var shouldDisplay: Bool?
    var abstract: String?
    var discussion: String?
    var subcommands: [CommandInfo]?
    var arguments: [ArgumentInfo]?

    /// `scimdeck app set`.
    var fullName: String { ((superCommands ?? []) + [commandName]).joined(separator: " ") }
    /// `scimdeck-app-set`, the page's name, as git and systemd name theirs.
    var pageName: String { ((superCommands ?? []) + [commandName]).joined(separator: "-") }
    /// Without ArgumentParser's own `help` command: `scimdeck help sync` is `--help`, no page of its own.
    var visibleSubcommands: [CommandInfo] {
        (subcommands ?? []).filter { ($0.shouldDisplay ?? true) && $0.commandName != "help" }
    }
    var visibleArguments: [ArgumentInfo] { (arguments ?? []).filter(\.shouldDisplay) }
}

struct ArgumentInfo: Decodable {
    enum Kind: String, Decodable { case positional, option, flag }

    struct Name: Decodable {
        enum Kind: String, Decodable { case long, short, longWithSingleDash }
        var kind: Kind
        var name: String

        var spelled: String {
            switch kind {
            case .long: return "--" + name
            case .short: return "-" + name
            case .longWithSingleDash: return "-" + name
            }
        }
    }

    var kind: Kind
    var shouldDisplay: Bool
    var isOptional: Bool
    var isRepeating: Bool
    var names: [Name]?
    var preferredName: Name?
    var valueName: String?
    var defaultValue: String?
    var allValues: [String]?
    var abstract: String?
    var discussion: String?
}
