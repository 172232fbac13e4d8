/// Where each `[table]` header and each `key =` of a TOML text is, by line (1-based): TOMLKit keeps
/// no positions for values it parsed, and a theme error must say which line to fix. Run on text
/// TOMLKit has already accepted, so a light scan suffices: headers, bare or quoted keys (dotted ones
/// split into their tables), and lines inside multi-line strings skipped.
struct TOMLLineIndex {
    private var tables: [String: Int] = [:]
    private var keys: [String: Int] = [:]

    init(_ text: String) {
        var table = ""
        var inMultilineString = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            let quotes = Self.count("\"\"\"", in: line) + Self.count("'''", in: line)
            defer { if quotes % 2 == 1 { inMultilineString.toggle() } }
            if inMultilineString || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.path(String(inner)).joined(separator: ".")
                if tables[table] == nil { tables[table] = number }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            var path = Self.path(String(line[..<equals]))
            guard let key = path.popLast() else { continue }
            let keyTable = ([table] + path).filter { !$0.isEmpty }.joined(separator: ".")
            if keys[Self.name(keyTable, key)] == nil { keys[Self.name(keyTable, key)] = number }
        }
    }

    func line(ofTable name: String) -> Int? { tables[name] }

    func line(ofKey key: String, inTable table: String) -> Int? { keys[Self.name(table, key)] ?? tables[table] }

    private static func name(_ table: String, _ key: String) -> String { table + "\u{0}" + key }

    private static func count(_ needle: String, in line: Substring) -> Int {
        var count = 0
        var rest = line[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// `a."b c".d` → ["a", "b c", "d"], quotes taken off and blanks around each part trimmed.
    private static func path(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingBlanks)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingBlanks)
        return parts
    }
}

extension String {
    fileprivate var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
