/// A run of changed cells on one row, starting at column `x`; continuation cells are
/// not included (writing the wide character fills them).
public struct CellChange: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}
