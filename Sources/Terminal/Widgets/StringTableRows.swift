/// Table rows held as strings, with the filter's search text worked out once.
public struct StringTableRows: TableRows, Sendable {
    public let rows: [[String]]
    private let search: [String]

    public init(_ rows: [[String]]) {
        self.rows = rows
        self.search = rows.map { $0.joined(separator: "\u{1F}").lowercased() }
    }

    public var count: Int { rows.count }

    public func text(row: Int, column: Int) -> String {
        let cells = rows[row]
        return column < cells.count ? cells[column] : ""
    }

    public func searchText(row: Int) -> String { search[row] }
}
