/// The rows a table shows. Only visible rows are asked for, so a source can hold
/// 100,000 people without building 100,000 strings per frame.
public protocol TableRows {
    var count: Int { get }
    func text(row: Int, column: Int) -> String
    /// Lower-cased text the `/` filter searches (all cells, by default).
    func searchText(row: Int) -> String
    /// An optional style role for a cell (e.g. `.error` for a failed status).
    func role(row: Int, column: Int) -> ThemeRole?
}

extension TableRows {
    public func role(row: Int, column: Int) -> ThemeRole? { nil }
}
