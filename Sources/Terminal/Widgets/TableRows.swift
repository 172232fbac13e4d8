/// The rows a table shows. Only visible rows are asked for, so a source can hold
/// 100,000 people without building 100,000 strings per frame.
public protocol TableRows {
    var count: Int { get }
    func text(row: Int, column: Int) -> String
    /// Lower-cased text the `/` filter searches (all cells, by default).
    func searchText(row: Int) -> String
    /// Whether the row's search text contains `needle` (lower-cased UTF-8). A source that keeps
    /// its text as bytes answers here without making a String for every row it is asked about.
    func searchText(row: Int, contains needle: [UInt8]) -> Bool
    /// An optional style role for a cell (e.g. `.error` for a failed status).
    func role(row: Int, column: Int) -> ThemeRole?
}

extension TableRows {
    public func searchText(row: Int, contains needle: [UInt8]) -> Bool {
        TableFilter.contains(searchText(row: row), needle)
    }

    public func role(row: Int, column: Int) -> ThemeRole? { nil }
}
