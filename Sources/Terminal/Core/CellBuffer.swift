/// A grid of cells that widgets draw into; a frame is one of these. Writing keeps the
/// grid consistent: a wide character always has its continuation cell, and overwriting
/// half of a wide character blanks the other half.
public struct CellBuffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public init(size: TerminalSize) {
        self.init(width: size.columns, height: size.rows)
    }

    public var size: TerminalSize { TerminalSize(columns: width, rows: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Sets every cell of `rect` (clipped to the buffer) to a blank in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        repairEdges(of: area)
        let blank = Cell.blank(style)
        for row in area.y..<area.maxY {
            let start = row * width
            for column in area.x..<area.maxX { cells[start + column] = blank }
        }
    }

    /// Lays `style` over the existing cells of `rect` (text stays, colours change).
    public mutating func patchStyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                cells[row * width + column].style = cells[row * width + column].style.patched(with: style)
            }
        }
    }

    /// Writes `text` from (`x`, `y`), at most `maxWidth` columns (and never past the
    /// buffer's edge), patching `style` over the cells' styles. Control characters are
    /// skipped, a tab becomes a space, a zero-width cluster joins the cell before it.
    /// Does not add an ellipsis (see `TextLayout.truncate`). Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        var previous: Int?
        for character in text {
            if column >= limit { break }
            var grapheme = character
            var characterWidth = DisplayWidth.of(character)
            if character == "\t" {
                grapheme = " "
                characterWidth = 1
            }
            if characterWidth == 0 {
                if let index = previous, cells[index].width > 0, character.unicodeScalars.first.map({ $0.value >= 0x20 }) ?? false {
                    cells[index].text.unicodeScalars.append(contentsOf: character.unicodeScalars)
                }
                continue
            }
            if column + characterWidth > limit { break }
            if column < 0 {
                column += characterWidth
                continue
            }
            place(grapheme: String(grapheme), width: characterWidth, x: column, y: y, style: style)
            previous = y * width + column
            column += characterWidth
        }
        return max(0, column - max(x, 0))
    }

    /// Puts one grapheme at (x, y), blanking halves of wide characters it overlaps.
    mutating func place(grapheme: String, width characterWidth: Int, x: Int, y: Int, style: Style) {
        let index = y * width + x
        let base = cells[index].style
        let newStyle = base.patched(with: style)
        // Overwriting a continuation: blank the wide character it belonged to.
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell.blank(cells[index - 1].style)
        }
        // Overwriting the lead of a wide character with something narrow: blank its tail.
        let end = x + characterWidth
        if end < width, cells[y * width + end].isContinuation {
            cells[y * width + end] = Cell.blank(cells[y * width + end].style)
        }
        cells[index] = Cell(text: grapheme, width: UInt8(characterWidth), style: newStyle)
        if characterWidth == 2 {
            let tail = cells[index + 1].style.patched(with: style)
            cells[index + 1] = Cell.continuation(tail)
        }
    }

    /// Keeps wide characters whole when a region's edge cuts through one.
    private mutating func repairEdges(of area: Rect) {
        for row in area.y..<area.maxY {
            let start = row * width
            if cells[start + area.x].isContinuation, area.x > 0 {
                cells[start + area.x - 1] = Cell.blank(cells[start + area.x - 1].style)
            }
            if area.maxX < width, cells[start + area.maxX].isContinuation {
                cells[start + area.maxX] = Cell.blank(cells[start + area.maxX].style)
            }
        }
    }

    /// The text of one row, continuation cells left out (what a terminal would show).
    public func line(_ y: Int) -> String {
        var text = ""
        for column in 0..<width {
            let cell = cells[y * width + column]
            if !cell.isContinuation { text += cell.text }
        }
        return text
    }

    /// Every row's text joined with newlines, trailing spaces kept.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }
}
