/// What a read-only tab (General, Log) shows: labelled fields, an optional table, and a note
/// saying what the panel holds or which key opens more.
public struct AppPanel: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var fields: [Field]
    public var columns: [String]
    /// A fixed width for a column (nil: it shares what is left), so times and methods never squeeze.
    public var fixedWidths: [Int?]
    public var rows: [[String]]
    public var note: String?
    public var emptyText: String

    public init(fields: [Field] = [], columns: [String] = [], fixedWidths: [Int?] = [], rows: [[String]] = [], note: String? = nil,
                emptyText: String = "Nothing here yet.") {
        self.fields = fields
        self.columns = columns
        self.fixedWidths = fixedWidths
        self.rows = rows
        self.note = note
        self.emptyText = emptyText
    }
}
