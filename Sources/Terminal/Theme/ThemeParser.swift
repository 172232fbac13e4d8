/// Builds a `Theme` from a theme file. The file has optional top-level `name` and
/// `description`, then one table per role (`[header]`, `[tab-active]`, … see
/// `ThemeRole`) with `fg`, `bg` (a colour) and `bold`, `dim`, `underline`, `reverse`,
/// `italic` (true / false). Roles the file leaves out keep the default theme's look.
///
/// A colour is `"#rrggbb"`, a palette number 0–255, a name (`"blue"`, `"bright-red"`),
/// `"default"` (the terminal's own colour) or `"inherit"` (whatever is underneath).
enum ThemeParser {
    static let colorHelp = "use \"#rrggbb\", a number 0–255, a colour name such as \"blue\" or \"bright-red\", \"default\" or \"inherit\""

    static func parse(_ text: String, file: String, fallbackName: String) throws(ThemeError) -> Theme {
        let document: ThemeDocument
        do {
            document = try ThemeDocument(text)
        } catch {
            throw ThemeError(file: file, line: error.line, reason: error.reason)
        }
        for table in document.tables where ThemeRole(rawValue: table.name) == nil {
            let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
            throw ThemeError(file: file, key: "[\(table.name)]", line: table.line, reason: "unknown role; roles are \(known)")
        }
        var theme = Theme(name: fallbackName, styles: Theme.default.styles)
        var fresh: [ThemeRole: Style] = [:]
        for entry in document.entries {
            let keyName = entry.table.isEmpty ? entry.key : "[\(entry.table)] \(entry.key)"
            func fail(_ reason: String) -> ThemeError {
                ThemeError(file: file, key: keyName, line: entry.line, reason: reason)
            }
            if entry.table.isEmpty {
                switch entry.key {
                case "name":
                    guard case .string(let name) = entry.value, !name.isEmpty else { throw fail("must be a non-empty string") }
                    theme.name = name
                case "description":
                    guard case .string = entry.value else { throw fail("must be a string") }
                default:
                    throw fail("unknown key; a theme file has only name, description and one [table] per role")
                }
                continue
            }
            guard let role = ThemeRole(rawValue: entry.table) else { continue }
            var style = fresh[role] ?? Style()
            switch entry.key {
            case "fg", "bg":
                guard case .string(let text) = entry.value else {
                    if case .integer(let index) = entry.value, (0...255).contains(index) {
                        let color = Color.indexed(UInt8(index))
                        if entry.key == "fg" { style.foreground = color } else { style.background = color }
                        fresh[role] = style
                        continue
                    }
                    throw fail("\(entry.value.typeName) is not a colour; \(colorHelp)")
                }
                guard let color = parseColor(text) else { throw fail("\"\(text)\" is not a colour; \(colorHelp)") }
                if entry.key == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "dim", "underline", "reverse", "italic":
                guard case .boolean(let on) = entry.value else { throw fail("must be true or false") }
                let attribute: TextAttributes
                switch entry.key {
                case "bold": attribute = .bold
                case "dim": attribute = .dim
                case "underline": attribute = .underline
                case "reverse": attribute = .reverse
                default: attribute = .italic
                }
                if on { style.attributes.insert(attribute) } else { style.attributes.remove(attribute) }
            default:
                throw fail("unknown key; a role has fg, bg, bold, dim, underline, reverse and italic")
            }
            fresh[role] = style
        }
        for (role, style) in fresh { theme.styles[role] = style }
        return theme
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// nil when the text is not a colour; `.some(nil)` for "inherit".
    static func parseColor(_ text: String) -> Color?? {
        let lower = text.lowercased()
        if lower == "default" { return .some(.default) }
        if lower == "inherit" { return .some(nil) }
        if let index = colorNames.firstIndex(of: lower) { return .some(.ansi(UInt8(index))) }
        if lower.hasPrefix("bright-"), let index = colorNames.firstIndex(of: String(lower.dropFirst(7))) {
            return .some(.ansi(UInt8(index + 8)))
        }
        if lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) {
            return .some(.rgb(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)))
        }
        if let index = Int(lower), (0...255).contains(index) { return .some(.indexed(UInt8(index))) }
        return nil
    }
}
