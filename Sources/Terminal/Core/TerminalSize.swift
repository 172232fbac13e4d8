/// A terminal's size in cells.
public struct TerminalSize: Sendable, Hashable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
    /// The smallest size every screen is laid out for; below it a notice is shown instead.
    public static let minimum = TerminalSize(columns: 80, rows: 24)
    public var isUsable: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }
}
