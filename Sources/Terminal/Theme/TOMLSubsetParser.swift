/// Reads the subset of TOML that theme files need: comments, `[table]` headers,
/// and `key = value` with basic or literal strings, integers and booleans.
/// Anything else is an error that names the line.
enum TOMLSubsetParser {
    struct Failure: Error, Equatable, Sendable {
        var line: Int
        var reason: String
    }

    static func parse(_ text: String) throws(Failure) -> [TOMLEntry] {
        var entries: [TOMLEntry] = []
        var table = ""
        var seen: Set<String> = []
        var seenTables: Set<String> = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = stripComment(Substring(rawLine.trimmingTrailingCarriageReturn)).trimmed
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else {
                    throw Failure(line: number, reason: "a table header must look like [name]")
                }
                let name = String(line.dropFirst().dropLast()).trimmed
                guard isBareKey(name) else {
                    throw Failure(line: number, reason: "\"\(name)\" is not a valid table name")
                }
                guard seenTables.insert(name).inserted else {
                    throw Failure(line: number, reason: "table [\(name)] appears twice")
                }
                table = name
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw Failure(line: number, reason: "expected key = value")
            }
            let key = String(line[..<equals]).trimmed
            guard isBareKey(key) else {
                throw Failure(line: number, reason: "\"\(key)\" is not a valid key")
            }
            guard seen.insert(table + "." + key).inserted else {
                throw Failure(line: number, reason: "key \"\(key)\" is set twice")
            }
            let valueText = String(line[line.index(after: equals)...]).trimmed
            let value = try parseValue(valueText, line: number)
            entries.append(TOMLEntry(table: table, key: key, value: value, line: number))
        }
        return entries
    }

    static func parseValue(_ text: String, line: Int) throws(Failure) -> TOMLValue {
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if text.hasPrefix("\"") {
            guard text.count >= 2, text.hasSuffix("\"") else {
                throw Failure(line: line, reason: "unterminated string")
            }
            return .string(try unescape(String(text.dropFirst().dropLast()), line: line))
        }
        if text.hasPrefix("'") {
            guard text.count >= 2, text.hasSuffix("'") else {
                throw Failure(line: line, reason: "unterminated string")
            }
            return .string(String(text.dropFirst().dropLast()))
        }
        if let integer = Int(text.replacingUnderscores) { return .integer(integer) }
        if text.isEmpty { throw Failure(line: line, reason: "missing value after =") }
        throw Failure(line: line, reason: "\(text) is not a string, integer or boolean (strings need quotes)")
    }

    static func unescape(_ text: String, line: Int) throws(Failure) -> String {
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if character == "\"" { throw Failure(line: line, reason: "unescaped quote inside a string") }
            guard character == "\\" else {
                result.append(character)
                continue
            }
            guard let escaped = iterator.next() else { throw Failure(line: line, reason: "string ends with a backslash") }
            switch escaped {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "\"": result.append("\"")
            case "\\": result.append("\\")
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = iterator.next() { hex.append(digit) } }
                guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw Failure(line: line, reason: "\\u needs four hex digits")
                }
                result.unicodeScalars.append(scalar)
            default:
                throw Failure(line: line, reason: "unknown escape \\\(escaped)")
            }
        }
        return result
    }

    /// The line without a `#` comment (a `#` inside a string stays).
    static func stripComment(_ line: Substring) -> String {
        var quote: Character?
        var previous: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open, !(open == "\"" && previous == "\\") { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return String(line[..<index])
            }
            previous = character
        }
        return String(line)
    }

    static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "-" || scalar == "_"
        }
    }
}

extension StringProtocol {
    var trimmed: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    var trimmingTrailingCarriageReturn: Substring {
        let text = Substring(self)
        return text.hasSuffix("\r") ? text.dropLast() : text
    }

    var replacingUnderscores: String { String(filter { $0 != "_" }) }
}
