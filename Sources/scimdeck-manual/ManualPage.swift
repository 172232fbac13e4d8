import Foundation

/// One command's manual page in man(7) roff: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, COMMANDS (the
/// subcommands, each its own page) and SEE ALSO. No date in the header, so a rebuild of the same
/// commit writes the same bytes (a package's contents do not change with the day it was built).
struct ManualPage {
    var command: CommandInfo
    var version: String

    var fileName: String { command.pageName + ".1" }

    var roff: String {
        var lines = [
            ".TH \(Self.escape(command.pageName.uppercased())) 1 \"\" \"\(Self.escape(version))\" \"scimdeck Manual\"",
            // No hyphenation: an option split as `--fix-dupli-cates` cannot be copied.
            ".nh",
            ".SH NAME",
            "\(Self.escape(command.pageName)) \\- \(Self.escape(command.abstract ?? command.fullName))",
            ".SH SYNOPSIS",
            synopsis,
        ]
        if command.abstract != nil || command.discussion != nil {
            lines.append(".SH DESCRIPTION")
            lines += paragraphs([command.abstract, command.discussion].compactMap { $0 })
        }
        let arguments = command.visibleArguments
        if !arguments.isEmpty {
            lines.append(".SH OPTIONS")
            for argument in arguments {
                lines += [".TP", label(for: argument)]
                var help = argument.abstract ?? ""
                if let values = argument.allValues, !values.isEmpty { help += " (values: \(values.joined(separator: ", ")))" }
                if let value = argument.defaultValue, !value.isEmpty { help += " (default: \(value))" }
                lines.append(Self.escape(help.trimmingLeadingSpace))
                if let discussion = argument.discussion, !discussion.isEmpty { lines += paragraphs([discussion]) }
            }
        }
        let subcommands = command.visibleSubcommands
        if !subcommands.isEmpty {
            lines.append(".SH COMMANDS")
            for subcommand in subcommands {
                lines += [".TP", "\\fB\(Self.escape(subcommand.pageName))\\fR(1)", Self.escape(subcommand.abstract ?? "")]
            }
        }
        var related = subcommands.map(\.pageName)
        if let parent = command.superCommands, !parent.isEmpty { related.insert(parent.joined(separator: "-"), at: 0) }
        if !related.isEmpty {
            lines += [".SH SEE ALSO", related.map { "\\fB\(Self.escape($0))\\fR(1)" }.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var synopsis: String {
        var words = ["\\fB\(Self.escape(command.fullName))\\fR"]
        for argument in command.visibleArguments {
            let word = label(for: argument, preferredOnly: true) + (argument.isRepeating ? " ..." : "")
            words.append(argument.isOptional ? "[\(word)]" : word)
        }
        if !command.visibleSubcommands.isEmpty { words.append("\\fI<subcommand>\\fR") }
        return words.joined(separator: " ")
    }

    /// `\fB--app\fR \fI<app>\fR`, every spelling unless only the preferred one fits (the synopsis).
    private func label(for argument: ArgumentInfo, preferredOnly: Bool = false) -> String {
        let value = "\\fI<\(Self.escape(argument.valueName ?? "value"))>\\fR"
        switch argument.kind {
        case .positional:
            return value
        case .option, .flag:
            let names = preferredOnly ? [argument.preferredName ?? argument.names?.first].compactMap { $0 } : (argument.names ?? [])
            let spelled = names.map { "\\fB\(Self.escape($0.spelled))\\fR" }.joined(separator: ", ")
            return argument.kind == .option ? spelled + " " + value : spelled
        }
    }

    private func paragraphs(_ texts: [String]) -> [String] {
        texts.flatMap { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.trimmingCharacters(in: .whitespaces).isEmpty ? ".PP" : Self.escape(String(line))
            }
        }
    }

    /// Backslashes and hyphens escaped, anything past ASCII as a `\[uXXXX]` glyph (groff without
    /// preconv reads bytes, not UTF-8), and a line that would start with `.` or `'` (a request) guarded.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            case _ where scalar.value > 0x7F: escaped += "\\[u" + String(format: "%04X", scalar.value) + "]"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }
}

private extension String {
    var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
}
