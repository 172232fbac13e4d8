/// A named set of styles, one per role. Roles a theme leaves out look like `normal`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// The same theme drawn with attributes only (what `NO_COLOR` asks for). Roles that
    /// told themselves apart by colour alone get an attribute so they stay visible.
    public var withoutColor: Theme {
        var result = Theme(name: name, styles: [:])
        for role in ThemeRole.allCases {
            var style = self[role].withoutColor
            if style.attributes.isEmpty, let fallback = Theme.mono.styles[role] {
                style = fallback
            }
            result.styles[role] = style
        }
        return result
    }

    private static func rgb(_ hex: UInt32) -> Color {
        .rgb(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    /// Built in, so scimdeck looks right even with no theme files; `themes/default.toml`
    /// says the same. Close to the Okta admin console: Okta blue for the header, the
    /// active tab and the selection, greys for structure, clear green / amber / red.
    public static let `default`: Theme = {
        let blue = rgb(0x1662DD)
        let white = rgb(0xFFFFFF)
        return Theme(name: "default", styles: [
            .normal: Style(foreground: .default, background: .default),
            .header: Style(foreground: white, background: rgb(0x00297A), attributes: .bold),
            .border: Style(foreground: rgb(0x8C8C96)),
            .title: Style(foreground: blue, attributes: .bold),
            .tabActive: Style(foreground: white, background: blue, attributes: .bold),
            .tabInactive: Style(foreground: rgb(0x8C8C96)),
            .tableHeader: Style(foreground: rgb(0x8C8C96), attributes: .bold),
            .selection: Style(foreground: white, background: blue),
            .muted: Style(foreground: rgb(0x8C8C96)),
            .accent: Style(foreground: blue),
            .success: Style(foreground: rgb(0x1E8A4C)),
            .warning: Style(foreground: rgb(0xC77F00)),
            .error: Style(foreground: rgb(0xD0021B), attributes: .bold),
            .input: Style(attributes: .underline),
            .inputFocused: Style(foreground: blue, attributes: .underline),
            .button: Style(foreground: blue),
            .buttonFocused: Style(foreground: white, background: blue, attributes: .bold),
            .dialog: Style(foreground: .default, background: .default),
            .statusBar: Style(foreground: rgb(0x1D1D21), background: rgb(0xE4E4E8)),
            .statusKey: Style(foreground: rgb(0x00297A), background: rgb(0xE4E4E8), attributes: .bold),
            .toast: Style(foreground: white, background: rgb(0x1D1D21)),
            .progressDone: Style(foreground: blue),
            .progressTodo: Style(foreground: rgb(0xC8C8CE)),
            .filter: Style(foreground: rgb(0xC77F00), attributes: .bold),
        ])
    }()

    /// No colour at all: bold, underline and reverse do the work. Used for `NO_COLOR`.
    public static let mono = Theme(name: "mono", styles: [
        .normal: Style(),
        .header: Style(attributes: [.bold, .reverse]),
        .border: Style(),
        .title: Style(attributes: .bold),
        .tabActive: Style(attributes: [.bold, .reverse]),
        .tabInactive: Style(),
        .tableHeader: Style(attributes: [.bold, .underline]),
        .selection: Style(attributes: .reverse),
        .muted: Style(attributes: .dim),
        .accent: Style(attributes: .bold),
        .success: Style(attributes: .bold),
        .warning: Style(attributes: .bold),
        .error: Style(attributes: [.bold, .underline]),
        .input: Style(attributes: .underline),
        .inputFocused: Style(attributes: [.underline, .bold]),
        .button: Style(),
        .buttonFocused: Style(attributes: .reverse),
        .dialog: Style(),
        .statusBar: Style(attributes: .reverse),
        .statusKey: Style(attributes: [.reverse, .bold]),
        .toast: Style(attributes: .reverse),
        .progressDone: Style(attributes: .bold),
        .progressTodo: Style(attributes: .dim),
        .filter: Style(attributes: .bold),
    ])
}
