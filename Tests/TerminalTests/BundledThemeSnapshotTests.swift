@testable import Terminal
import Foundation
import XCTest

/// The shipped themes load to exactly the styles they loaded to with the hand-written TOML parser
/// that TOMLKit replaced: the snapshot below was taken with that parser.
final class BundledThemeSnapshotTests: XCTestCase {
    private let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    static func dump(_ theme: Theme) -> String {
        ThemeRole.allCases.map { role in
            let style = theme[role]
            return "\(theme.name) \(role.rawValue) fg=\(String(describing: style.foreground)) bg=\(String(describing: style.background)) attributes=\(style.attributes.rawValue)"
        }.joined(separator: "\n")
    }

    func test_everyShippedThemeLoadsAsItDidBeforeTOMLKit() throws {
        let loaded = try ["dark", "default", "high-contrast", "light", "mono"].map { name in
            Self.dump(try ThemeLoader.loadFile(bundled + "/\(name).toml", name: name))
        }.joined(separator: "\n")
        XCTAssertEqual(loaded, Self.snapshot)
    }

    static let snapshot = """
        dark normal fg=Optional(Terminal.Color.rgb(228, 228, 232)) bg=Optional(Terminal.Color.rgb(22, 22, 26)) attributes=0
        dark header fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(22, 98, 221)) attributes=1
        dark border fg=Optional(Terminal.Color.rgb(92, 92, 102)) bg=nil attributes=0
        dark title fg=Optional(Terminal.Color.rgb(111, 164, 255)) bg=nil attributes=1
        dark tab-active fg=Optional(Terminal.Color.rgb(22, 22, 26)) bg=Optional(Terminal.Color.rgb(111, 164, 255)) attributes=1
        dark tab-inactive fg=Optional(Terminal.Color.rgb(140, 140, 150)) bg=nil attributes=0
        dark table-header fg=Optional(Terminal.Color.rgb(160, 160, 170)) bg=nil attributes=1
        dark selection fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(31, 79, 168)) attributes=0
        dark muted fg=Optional(Terminal.Color.rgb(124, 124, 134)) bg=nil attributes=0
        dark accent fg=Optional(Terminal.Color.rgb(111, 164, 255)) bg=nil attributes=0
        dark success fg=Optional(Terminal.Color.rgb(76, 195, 138)) bg=nil attributes=0
        dark warning fg=Optional(Terminal.Color.rgb(240, 180, 41)) bg=nil attributes=0
        dark error fg=Optional(Terminal.Color.rgb(255, 92, 92)) bg=nil attributes=1
        dark input fg=Optional(Terminal.Color.rgb(228, 228, 232)) bg=Optional(Terminal.Color.rgb(38, 38, 44)) attributes=0
        dark input-focused fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(46, 58, 82)) attributes=4
        dark button fg=Optional(Terminal.Color.rgb(111, 164, 255)) bg=nil attributes=0
        dark button-focused fg=Optional(Terminal.Color.rgb(22, 22, 26)) bg=Optional(Terminal.Color.rgb(111, 164, 255)) attributes=1
        dark dialog fg=Optional(Terminal.Color.rgb(228, 228, 232)) bg=Optional(Terminal.Color.rgb(32, 32, 38)) attributes=0
        dark status-bar fg=Optional(Terminal.Color.rgb(200, 200, 206)) bg=Optional(Terminal.Color.rgb(38, 38, 44)) attributes=0
        dark status-key fg=Optional(Terminal.Color.rgb(111, 164, 255)) bg=Optional(Terminal.Color.rgb(38, 38, 44)) attributes=1
        dark toast fg=Optional(Terminal.Color.rgb(22, 22, 26)) bg=Optional(Terminal.Color.rgb(228, 228, 232)) attributes=0
        dark progress-done fg=Optional(Terminal.Color.rgb(111, 164, 255)) bg=nil attributes=0
        dark progress-todo fg=Optional(Terminal.Color.rgb(58, 58, 66)) bg=nil attributes=0
        dark filter fg=Optional(Terminal.Color.rgb(240, 180, 41)) bg=nil attributes=1
        default normal fg=Optional(Terminal.Color.default) bg=Optional(Terminal.Color.default) attributes=0
        default header fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(0, 41, 122)) attributes=1
        default border fg=Optional(Terminal.Color.rgb(140, 140, 150)) bg=nil attributes=0
        default title fg=Optional(Terminal.Color.rgb(22, 98, 221)) bg=nil attributes=1
        default tab-active fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(22, 98, 221)) attributes=1
        default tab-inactive fg=Optional(Terminal.Color.rgb(140, 140, 150)) bg=nil attributes=0
        default table-header fg=Optional(Terminal.Color.rgb(140, 140, 150)) bg=nil attributes=1
        default selection fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(22, 98, 221)) attributes=0
        default muted fg=Optional(Terminal.Color.rgb(140, 140, 150)) bg=nil attributes=0
        default accent fg=Optional(Terminal.Color.rgb(22, 98, 221)) bg=nil attributes=0
        default success fg=Optional(Terminal.Color.rgb(30, 138, 76)) bg=nil attributes=0
        default warning fg=Optional(Terminal.Color.rgb(199, 127, 0)) bg=nil attributes=0
        default error fg=Optional(Terminal.Color.rgb(208, 2, 27)) bg=nil attributes=1
        default input fg=nil bg=nil attributes=4
        default input-focused fg=Optional(Terminal.Color.rgb(22, 98, 221)) bg=nil attributes=4
        default button fg=Optional(Terminal.Color.rgb(22, 98, 221)) bg=nil attributes=0
        default button-focused fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(22, 98, 221)) attributes=1
        default dialog fg=Optional(Terminal.Color.default) bg=Optional(Terminal.Color.default) attributes=0
        default status-bar fg=Optional(Terminal.Color.rgb(29, 29, 33)) bg=Optional(Terminal.Color.rgb(228, 228, 232)) attributes=0
        default status-key fg=Optional(Terminal.Color.rgb(0, 41, 122)) bg=Optional(Terminal.Color.rgb(228, 228, 232)) attributes=1
        default toast fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(29, 29, 33)) attributes=0
        default progress-done fg=Optional(Terminal.Color.rgb(22, 98, 221)) bg=nil attributes=0
        default progress-todo fg=Optional(Terminal.Color.rgb(200, 200, 206)) bg=nil attributes=0
        default filter fg=Optional(Terminal.Color.rgb(199, 127, 0)) bg=nil attributes=1
        high-contrast normal fg=Optional(Terminal.Color.ansi(15)) bg=Optional(Terminal.Color.ansi(0)) attributes=0
        high-contrast header fg=Optional(Terminal.Color.ansi(0)) bg=Optional(Terminal.Color.ansi(11)) attributes=1
        high-contrast border fg=Optional(Terminal.Color.ansi(15)) bg=nil attributes=0
        high-contrast title fg=Optional(Terminal.Color.ansi(11)) bg=nil attributes=1
        high-contrast tab-active fg=Optional(Terminal.Color.ansi(0)) bg=Optional(Terminal.Color.ansi(15)) attributes=1
        high-contrast tab-inactive fg=Optional(Terminal.Color.ansi(7)) bg=nil attributes=0
        high-contrast table-header fg=Optional(Terminal.Color.ansi(15)) bg=nil attributes=5
        high-contrast selection fg=Optional(Terminal.Color.ansi(0)) bg=Optional(Terminal.Color.ansi(14)) attributes=1
        high-contrast muted fg=Optional(Terminal.Color.ansi(7)) bg=nil attributes=0
        high-contrast accent fg=Optional(Terminal.Color.ansi(14)) bg=nil attributes=0
        high-contrast success fg=Optional(Terminal.Color.ansi(10)) bg=nil attributes=1
        high-contrast warning fg=Optional(Terminal.Color.ansi(11)) bg=nil attributes=1
        high-contrast error fg=Optional(Terminal.Color.ansi(9)) bg=nil attributes=1
        high-contrast input fg=Optional(Terminal.Color.ansi(15)) bg=nil attributes=4
        high-contrast input-focused fg=Optional(Terminal.Color.ansi(0)) bg=Optional(Terminal.Color.ansi(15)) attributes=0
        high-contrast button fg=Optional(Terminal.Color.ansi(14)) bg=nil attributes=1
        high-contrast button-focused fg=Optional(Terminal.Color.ansi(0)) bg=Optional(Terminal.Color.ansi(14)) attributes=1
        high-contrast dialog fg=Optional(Terminal.Color.ansi(15)) bg=Optional(Terminal.Color.ansi(0)) attributes=0
        high-contrast status-bar fg=Optional(Terminal.Color.ansi(0)) bg=Optional(Terminal.Color.ansi(7)) attributes=0
        high-contrast status-key fg=Optional(Terminal.Color.ansi(0)) bg=Optional(Terminal.Color.ansi(7)) attributes=1
        high-contrast toast fg=Optional(Terminal.Color.ansi(0)) bg=Optional(Terminal.Color.ansi(15)) attributes=1
        high-contrast progress-done fg=Optional(Terminal.Color.ansi(10)) bg=nil attributes=0
        high-contrast progress-todo fg=Optional(Terminal.Color.ansi(7)) bg=nil attributes=0
        high-contrast filter fg=Optional(Terminal.Color.ansi(11)) bg=nil attributes=1
        light normal fg=Optional(Terminal.Color.rgb(29, 29, 33)) bg=Optional(Terminal.Color.rgb(255, 255, 255)) attributes=0
        light header fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(0, 41, 122)) attributes=1
        light border fg=Optional(Terminal.Color.rgb(160, 160, 170)) bg=nil attributes=0
        light title fg=Optional(Terminal.Color.rgb(0, 41, 122)) bg=nil attributes=1
        light tab-active fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(22, 98, 221)) attributes=1
        light tab-inactive fg=Optional(Terminal.Color.rgb(110, 110, 120)) bg=nil attributes=0
        light table-header fg=Optional(Terminal.Color.rgb(110, 110, 120)) bg=nil attributes=1
        light selection fg=Optional(Terminal.Color.rgb(29, 29, 33)) bg=Optional(Terminal.Color.rgb(214, 228, 251)) attributes=0
        light muted fg=Optional(Terminal.Color.rgb(110, 110, 120)) bg=nil attributes=0
        light accent fg=Optional(Terminal.Color.rgb(22, 98, 221)) bg=nil attributes=0
        light success fg=Optional(Terminal.Color.rgb(18, 112, 58)) bg=nil attributes=0
        light warning fg=Optional(Terminal.Color.rgb(138, 90, 0)) bg=nil attributes=0
        light error fg=Optional(Terminal.Color.rgb(176, 0, 23)) bg=nil attributes=1
        light input fg=Optional(Terminal.Color.rgb(29, 29, 33)) bg=Optional(Terminal.Color.rgb(242, 242, 245)) attributes=0
        light input-focused fg=Optional(Terminal.Color.rgb(29, 29, 33)) bg=Optional(Terminal.Color.rgb(230, 238, 252)) attributes=4
        light button fg=Optional(Terminal.Color.rgb(22, 98, 221)) bg=nil attributes=0
        light button-focused fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(22, 98, 221)) attributes=1
        light dialog fg=Optional(Terminal.Color.rgb(29, 29, 33)) bg=Optional(Terminal.Color.rgb(247, 247, 249)) attributes=0
        light status-bar fg=Optional(Terminal.Color.rgb(29, 29, 33)) bg=Optional(Terminal.Color.rgb(228, 228, 232)) attributes=0
        light status-key fg=Optional(Terminal.Color.rgb(0, 41, 122)) bg=Optional(Terminal.Color.rgb(228, 228, 232)) attributes=1
        light toast fg=Optional(Terminal.Color.rgb(255, 255, 255)) bg=Optional(Terminal.Color.rgb(29, 29, 33)) attributes=0
        light progress-done fg=Optional(Terminal.Color.rgb(22, 98, 221)) bg=nil attributes=0
        light progress-todo fg=Optional(Terminal.Color.rgb(208, 208, 214)) bg=nil attributes=0
        light filter fg=Optional(Terminal.Color.rgb(138, 90, 0)) bg=nil attributes=1
        mono normal fg=Optional(Terminal.Color.default) bg=Optional(Terminal.Color.default) attributes=0
        mono header fg=nil bg=nil attributes=9
        mono border fg=nil bg=nil attributes=0
        mono title fg=nil bg=nil attributes=1
        mono tab-active fg=nil bg=nil attributes=9
        mono tab-inactive fg=nil bg=nil attributes=0
        mono table-header fg=nil bg=nil attributes=5
        mono selection fg=nil bg=nil attributes=8
        mono muted fg=nil bg=nil attributes=2
        mono accent fg=nil bg=nil attributes=1
        mono success fg=nil bg=nil attributes=1
        mono warning fg=nil bg=nil attributes=1
        mono error fg=nil bg=nil attributes=5
        mono input fg=nil bg=nil attributes=4
        mono input-focused fg=nil bg=nil attributes=5
        mono button fg=nil bg=nil attributes=0
        mono button-focused fg=nil bg=nil attributes=8
        mono dialog fg=nil bg=nil attributes=0
        mono status-bar fg=nil bg=nil attributes=8
        mono status-key fg=nil bg=nil attributes=9
        mono toast fg=nil bg=nil attributes=8
        mono progress-done fg=nil bg=nil attributes=1
        mono progress-todo fg=nil bg=nil attributes=2
        mono filter fg=nil bg=nil attributes=1
        """
}
