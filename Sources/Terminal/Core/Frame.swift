/// What a view draws: the cells and where the text cursor should blink (if anywhere).
public struct Frame: Sendable, Equatable {
    public var buffer: CellBuffer
    public var cursor: Point?

    public init(size: TerminalSize, background: Style = .plain) {
        buffer = CellBuffer(width: size.columns, height: size.rows, fill: .blank(background))
        cursor = nil
    }

    public var size: TerminalSize { buffer.size }
    public var area: Rect { buffer.bounds }
}
