import SCIM

/// Columns padded to their widest cell, for the commands' plain-text listings.
enum TextTable {
    static func print(_ header: [String], _ untrustedRows: [[String]]) {
        // Cleaned before measuring: an escape sequence in a cell would otherwise count as width it never shows.
        let rows = untrustedRows.map { $0.map(TerminalSafeText.clean) }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var text = ""
        for row in [header] + rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        StandardStreams.out(text)
    }
}
