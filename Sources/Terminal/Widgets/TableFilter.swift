/// The `/` filter: which rows contain the query, ignoring case.
public enum TableFilter {
    /// Indices of the rows whose search text contains `query` (lower-cased here).
    /// `within` narrows an earlier result when the query only grew.
    public static func matches(_ rows: some TableRows, query: String, within: [Int]? = nil) -> [Int] {
        let needle = Array(query.lowercased().utf8)
        if needle.isEmpty { return Array(0..<rows.count) }
        var result: [Int] = []
        if let within {
            for row in within where rows.searchText(row: row, contains: needle) { result.append(row) }
        } else {
            for row in 0..<rows.count where rows.searchText(row: row, contains: needle) { result.append(row) }
        }
        return result
    }

    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        var text = haystack
        return text.withUTF8 { contains($0, needle) }
    }

    /// Whether `needle` occurs in `bytes`, compared byte for byte (both lower-cased already).
    public static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let count = bytes.count, length = needle.count
        guard length > 0 else { return true }
        guard length <= count else { return false }
        let first = needle[0]
        var index = 0
        while index <= count - length {
            if bytes[index] == first {
                var offset = 1
                while offset < length, bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == length { return true }
            }
            index += 1
        }
        return false
    }
}
