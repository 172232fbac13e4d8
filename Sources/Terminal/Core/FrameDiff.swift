/// The cells that differ between the frame on screen and the next one, so a backend
/// writes only those.
public enum FrameDiff {
    /// Runs of changed cells, row by row, left to right. With no previous frame (or one
    /// of another size) every cell is a change.
    public static func changes(from previous: CellBuffer?, to next: CellBuffer) -> [CellChange] {
        let width = next.width
        let comparable = previous.map { $0.width == next.width && $0.height == next.height } ?? false
        var result: [CellChange] = []
        next.cells.withUnsafeBufferPointer { nextCells in
            let oldCells = comparable ? previous?.cells : nil
            for y in 0..<next.height {
                var run: CellChange?
                let start = y * width
                for x in 0..<width {
                    let cell = nextCells[start + x]
                    var changed = true
                    if let oldCells {
                        changed = oldCells[start + x] != cell
                        // A wide character whose continuation changed must be rewritten too.
                        if !changed, cell.width == 2, x + 1 < width, oldCells[start + x + 1] != nextCells[start + x + 1] {
                            changed = true
                        }
                    }
                    if changed {
                        if run == nil {
                            if cell.isContinuation { continue }
                            run = CellChange(x: x, y: y, cells: [])
                        }
                        if !cell.isContinuation { run?.cells.append(cell) }
                    } else if let finished = run {
                        if !finished.cells.isEmpty { result.append(finished) }
                        run = nil
                    }
                }
                if let finished = run, !finished.cells.isEmpty { result.append(finished) }
            }
        }
        return result
    }
}
