import Foundation

/// Finds theme files by name in a list of directories (first match wins: the user's
/// `$XDG_CONFIG_HOME/scimdeck/themes/` comes before the bundled `themes/`), parses
/// them, and falls back to the built-in default with a message when a file is bad.
public struct ThemeLoader: Sendable {
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The user's theme directory, then bundled ones: `$SCIMDECK_THEMES`, `themes/` in the
    /// working directory, the installed `PREFIX/share/scimdeck/themes` and `themes/` beside or
    /// above the executable (see `ShareDirectory`).
    public static func standardDirectories(environment: [String: String], executablePath: String?) -> [String] {
        var result: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            result.append(config + "/scimdeck/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            result.append(home + "/.config/scimdeck/themes")
        }
        if let bundled = environment["SCIMDECK_THEMES"], !bundled.isEmpty { result.append(bundled) }
        result.append(FileManager.default.currentDirectoryPath + "/themes")
        result += ShareDirectory.candidates("themes", executablePath: executablePath)
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }
    }

    /// The path of the theme file called `name`, if any directory has one.
    public func path(ofTheme name: String) -> String? {
        for directory in directories {
            let candidate = directory + "/" + name + ".toml"
            if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Names of every theme found, sorted, without duplicates.
    public func availableThemes() -> [String] {
        var names: Set<String> = ["default", "mono"]
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Loads the theme `name` (or "default"). With `NO_COLOR` set to anything non-empty,
    /// the theme is drawn without colour.
    public func load(named name: String?, environment: [String: String]) -> ThemeSelection {
        let wanted = name ?? "default"
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var warnings: [String] = []
        var theme = Theme.default
        if !Self.isSafeName(wanted) {
            warnings.append("theme \"\(wanted)\": a theme name is letters, digits, - and _; using the default theme")
        } else if let path = path(ofTheme: wanted) {
            do {
                theme = try Self.loadFile(path, name: wanted)
            } catch {
                warnings.append("\(error.description); using the default theme")
            }
        } else if wanted == "mono" {
            theme = .mono
        } else if wanted != "default" {
            warnings.append("no theme \"\(wanted)\" in \(directories.joined(separator: ", ")); using the default theme")
        }
        let colorEnabled = !noColor && theme.name != "mono"
        if noColor { theme = theme.withoutColor }
        return ThemeSelection(theme: theme, colorEnabled: colorEnabled, warnings: warnings)
    }

    public static func loadFile(_ path: String, name: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, reason: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, reason: "is not UTF-8 text")
        }
        return try ThemeParser.parse(text, file: path, fallbackName: name)
    }

    /// Letters, digits, `-` and `_`: a name that cannot reach outside the theme directories.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_"
        }
    }
}
