/// One screen cell: the grapheme drawn there, how many columns it takes, and its style.
/// A wide grapheme occupies its cell and the next one, which is a `continuation` cell
/// (width 0, empty text) that the backend never writes.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)

    public static func blank(_ style: Style) -> Cell { Cell(text: " ", width: 1, style: style) }
    public static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}
