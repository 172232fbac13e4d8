/// A screen a test reads: the cells shown now, the cursor, and the text after each draw.
/// `MemoryTerminal` (under the real runner) and `ProgramStepper` both offer it, so a test reads
/// a screen the same way whichever drove it.
public protocol ScreenCapture {
    var screen: CellBuffer { get }
    var cursor: Point? { get }
    var snapshots: [String] { get }
}

extension ScreenCapture {
    /// The screen's lines joined by newlines, as a user would read them.
    public var text: String { screen.text }
    public var lines: [String] { (0..<screen.height).map { screen.line($0) } }
    /// The lines without the spaces that pad them to the screen's width.
    public var trimmedLines: [String] { lines.map { String($0.reversed().drop { $0 == " " }.reversed()) } }
}
