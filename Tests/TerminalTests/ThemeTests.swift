@testable import Terminal
import Foundation
import XCTest

final class ThemeTests: XCTestCase {
    /// The repository's `themes/` directory.
    private let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    private func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scimdeck-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func test_everyBundledThemeLoadsWithoutWarnings() {
        let loader = ThemeLoader(directories: [bundled])
        let names = loader.availableThemes()
        for name in ["default", "dark", "light", "high-contrast", "mono"] {
            XCTAssertNotNil(loader.path(ofTheme: name), "themes/\(name).toml")
            XCTAssertTrue(names.contains(name))
            let selection = loader.load(named: name, environment: [:])
            XCTAssertEqual(selection.warnings, [], name)
            XCTAssertEqual(selection.theme.name, name)
        }
    }

    func test_theDefaultFileSaysWhatTheBuiltInDefaultSays() throws {
        let theme = try ThemeLoader.loadFile(bundled + "/default.toml", name: "default")
        for role in ThemeRole.allCases {
            XCTAssertEqual(theme[role], Theme.default[role], role.rawValue)
        }
    }

    func test_theMonoThemeUsesNoColourAndTurnsColourOff() {
        let selection = ThemeLoader(directories: [bundled]).load(named: "mono", environment: [:])
        XCTAssertFalse(selection.colorEnabled)
        for role in ThemeRole.allCases {
            let style = selection.theme[role]
            XCTAssertTrue(style.foreground == nil || style.foreground == .default, role.rawValue)
            XCTAssertTrue(style.background == nil || style.background == .default, role.rawValue)
        }
    }

    func test_noColorStripsColourButKeepsRolesApart() {
        let selection = ThemeLoader(directories: [bundled]).load(named: "dark", environment: ["NO_COLOR": "1"])
        XCTAssertFalse(selection.colorEnabled)
        for role in ThemeRole.allCases {
            XCTAssertNil(selection.theme[role].foreground, role.rawValue)
            XCTAssertNil(selection.theme[role].background, role.rawValue)
        }
        XCTAssertNotEqual(selection.theme[.selection], selection.theme[.normal], "the selection must still show")
        XCTAssertNotEqual(selection.theme[.tabActive], selection.theme[.tabInactive])
        let empty = ThemeLoader(directories: [bundled]).load(named: nil, environment: ["NO_COLOR": ""])
        XCTAssertTrue(empty.colorEnabled, "an empty NO_COLOR does not count")
    }

    func test_aBadThemeFileIsNamedWithItsKeyAndTheDefaultIsUsed() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/broken.toml"
        try "name = \"broken\"\n[header]\nbold = true\nfg = \"#12345\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let selection = ThemeLoader(directories: [directory]).load(named: "broken", environment: [:])
        XCTAssertEqual(selection.theme, .default)
        XCTAssertEqual(selection.warnings.count, 1)
        let warning = selection.warnings[0]
        XCTAssertTrue(warning.hasPrefix(path + ":4: [header] fg: \"#12345\" is not a colour"), warning)
        XCTAssertTrue(warning.hasSuffix("using the default theme"), warning)
    }

    func test_parserErrorsNameTheLineAndWhatIsWrong() {
        func failure(_ text: String) -> ThemeError? {
            do {
                _ = try ThemeParser.parse(text, file: "t.toml", fallbackName: "t")
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(failure("[hedaer]\nbold = true")?.key, "[hedaer]")
        XCTAssertEqual(failure("[header]\nbold = \"yes\"")?.description, "t.toml:2: [header] bold: must be true or false")
        XCTAssertEqual(failure("[header]\nfg = \"#fff")?.description, "t.toml:2: encountered end-of-file (in a string)")
        XCTAssertEqual(failure("[header]\nbold = true\nbold = false")?.line, 3)
        XCTAssertEqual(failure("colour = 1")?.key, "colour")
        XCTAssertEqual(failure("[header]\nsize 3")?.description, "t.toml:2: expected '=', saw '3' (in a key-value pair)")
        XCTAssertEqual(failure("[header]\nfg = \"#000000\"\n[header]\n")?.line, 3, "a table twice")
        XCTAssertEqual(failure("name = \"\"\"\nbold = 1\n\"\"\"\n[header]\nbold = 1\n")?.description,
                       "t.toml:5: [header] bold: must be true or false", "a multi-line string is not read as keys")
        XCTAssertEqual(failure("header.fg = 1.5")?.description,
                       "t.toml:1: [header] fg: a float is not a colour; \(ThemeParser.colorHelp)", "a dotted key names its table")
        XCTAssertEqual(failure("[header]\n[bogus]\nfg = \"red\"")?.description.hasPrefix("t.toml:2: [bogus]: unknown role"), true)
        XCTAssertNil(failure("# only a comment\n\n[header] # trailing\nfg = \"#0a0B0c\" # hex\n"))
    }

    /// Three strings the hand-written parser got wrong, and TOML 1.0 (through TOMLKit) gets right.
    func test_stringsAreReadAsTOMLSaysTheBackslashBeforeACommentCarriageReturnAndShortUnicodeEscapes() throws {
        XCTAssertEqual(try ThemeParser.parse(#"name = "a\\" # c"#, file: "t.toml", fallbackName: "t").name, #"a\"#)
        XCTAssertEqual(try ThemeParser.parse(#"name = "a\rb""#, file: "t.toml", fallbackName: "t").name, "a\rb")
        XCTAssertThrowsError(try ThemeParser.parse("[header]\nfg = \"#000000\"\nname = \"\\u00\"", file: "t.toml", fallbackName: "t")) { error in
            XCTAssertEqual((error as? ThemeError)?.line, 3, "\(error)")
        }
        XCTAssertEqual(try ThemeParser.parse(#"name = "\u00e9\U0001F600 'q' \t""#, file: "t.toml", fallbackName: "t").name, "é😀 'q' \t")
        XCTAssertEqual(try ThemeParser.parse("name = 'C:\\themes' # literal", file: "t.toml", fallbackName: "t").name, #"C:\themes"#)
    }

    func test_coloursCanBeHexPaletteNamesDefaultOrInherit() throws {
        let theme = try ThemeParser.parse("""
            [header]
            fg = "#0a0b0c"
            bg = 236
            [selection]
            fg = "bright-red"
            bg = "inherit"
            [muted]
            fg = "default"
            """, file: "t.toml", fallbackName: "t")
        XCTAssertEqual(theme[.header].foreground, .rgb(10, 11, 12))
        XCTAssertEqual(theme[.header].background, .indexed(236))
        XCTAssertEqual(theme[.selection].foreground, .ansi(9))
        XCTAssertNil(theme[.selection].background)
        XCTAssertEqual(theme[.muted].foreground, .default)
        XCTAssertEqual(theme[.error], Theme.default[.error], "roles the file leaves out keep the built-in look")
    }

    func test_aMissingOrUnsafeThemeNameFallsBackWithAWarning() {
        let loader = ThemeLoader(directories: [bundled])
        let missing = loader.load(named: "solarized", environment: [:])
        XCTAssertEqual(missing.theme, .default)
        XCTAssertTrue(missing.warnings.first?.contains("no theme \"solarized\"") ?? false)
        let unsafe = loader.load(named: "../etc/passwd", environment: [:])
        XCTAssertEqual(unsafe.theme, .default)
        XCTAssertEqual(unsafe.warnings.count, 1)
    }

    func test_theUsersThemeDirectoryComesFirst() throws {
        let home = try temporaryDirectory()
        let user = home + "/scimdeck/themes"
        try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
        try "name = \"mine\"\n[header]\nfg = \"red\"\n".write(toFile: user + "/default.toml", atomically: true, encoding: .utf8)
        let directories = ThemeLoader.standardDirectories(environment: ["XDG_CONFIG_HOME": home], executablePath: nil)
        XCTAssertEqual(directories.first, user)
        let selection = ThemeLoader(directories: directories + [bundled]).load(named: nil, environment: [:])
        XCTAssertEqual(selection.theme.name, "mine")
        XCTAssertEqual(selection.theme[.header].foreground, .red)
    }

    func test_anInstalledBinaryFindsThemesInItsPrefixShareDirectory() throws {
        let prefix = try temporaryDirectory()
        let themes = prefix + "/share/scimdeck/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: bundled + "/dark.toml", toPath: themes + "/dark.toml")
        _ = FileManager.default.createFile(atPath: prefix + "/bin/scimdeck", contents: Data())
        let directories = ThemeLoader.standardDirectories(environment: [:], executablePath: prefix + "/bin/scimdeck")
        XCTAssertTrue(directories.contains(themes), "\(directories)")
        // Of the places found from the binary, the installed share directory comes first (the
        // working directory's themes/, here the checkout's, come before it in the full list).
        let fromBinary = ShareDirectory.candidates("themes", executablePath: prefix + "/bin/scimdeck")
        XCTAssertEqual(ThemeLoader(directories: fromBinary).path(ofTheme: "dark"), themes + "/dark.toml")
    }

    func test_coloursFallBackToWhatTheTerminalHas() {
        let blue = Color.rgb(0x16, 0x62, 0xDD)
        XCTAssertEqual(ColorMapping.number(for: blue, colorCount: 0x100_0000), 0x1662DD, "direct colour")
        XCTAssertEqual(ColorMapping.number(for: .rgb(0, 0, 1), colorCount: 0x100_0000), 8, "below 8 is ANSI in direct mode")
        XCTAssertEqual(ColorMapping.number(for: .yellow, colorCount: 0x100_0000), 3)
        XCTAssertEqual(ColorMapping.number(for: .indexed(196), colorCount: 0x100_0000), 0xFF0000)
        XCTAssertEqual(ColorMapping.number(for: .rgb(255, 0, 0), colorCount: 256), 196)
        XCTAssertEqual(ColorMapping.number(for: .rgb(128, 128, 128), colorCount: 256), 244, "greys go to the grey ramp")
        XCTAssertEqual(ColorMapping.number(for: .ansi(12), colorCount: 16), 12)
        XCTAssertEqual(ColorMapping.number(for: .rgb(255, 0, 0), colorCount: 8), 1)
        XCTAssertEqual(ColorMapping.number(for: .ansi(12), colorCount: 8), 4)
        XCTAssertEqual(ColorMapping.number(for: .default, colorCount: 256), -1)
        XCTAssertEqual(ColorMapping.number(for: nil, colorCount: 256), -1)
    }
}
