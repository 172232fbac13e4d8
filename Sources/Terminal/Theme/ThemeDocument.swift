import TOMLKit

/// A theme file read as TOML 1.0 with TOMLKit, flattened to its keys in file order, each with the
/// line it is on, so a theme error can say where: TOMLKit names the line of a syntax error itself,
/// and `TOMLLineIndex` finds the line of a key whose value is wrong for a theme.
struct ThemeDocument {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        /// Anything else TOML has (a float, a date, an array, a table), by its type's name.
        case other(String)

        var typeName: String {
            switch self {
            case .string: return "a string"
            case .integer: return "an integer"
            case .boolean: return "a boolean"
            case .other(let name): return name
            }
        }
    }

    struct Entry: Equatable {
        /// The `[table]` the key is in; empty for keys before the first table.
        var table: String
        var key: String
        var value: Value
        var line: Int?
    }

    struct Failure: Error, Equatable {
        var line: Int?
        var reason: String
    }

    /// Every `[table]`, in file order, with its line.
    var tables: [(name: String, line: Int?)] = []
    /// Every key, in file order.
    var entries: [Entry] = []

    init(_ text: String) throws(Failure) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(line: error.source.begin.line, reason: Self.reason(error.description))
        } catch {
            throw Failure(line: nil, reason: "\(error)")
        }
        let lines = TOMLLineIndex(text)
        for key in root.keys {
            guard let value = root[key] else { continue }
            if let table = value.table {
                tables.append((key, lines.line(ofTable: key)))
                for inner in table.keys {
                    guard let innerValue = table[inner] else { continue }
                    entries.append(Entry(table: key, key: inner, value: Self.value(innerValue), line: lines.line(ofKey: inner, inTable: key)))
                }
            } else {
                entries.append(Entry(table: "", key: key, value: Self.value(value), line: lines.line(ofKey: key, inTable: "")))
            }
        }
        tables.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        entries.sort { ($0.line ?? .max) < ($1.line ?? .max) }
    }

    /// toml++'s "Error while parsing string: encountered end-of-file" as "encountered end-of-file (in a string)".
    static func reason(_ message: String) -> String {
        let prefix = "Error while parsing "
        guard message.hasPrefix(prefix), let colon = message.firstIndex(of: ":") else { return message }
        let what = message[message.index(message.startIndex, offsetBy: prefix.count)..<colon]
        let detail = message[message.index(after: colon)...].drop { $0 == " " }
        return "\(detail) (in a \(what))"
    }

    private static func value(_ value: any TOMLValueConvertible) -> Value {
        switch value.type {
        case .string: return value.string.map(Value.string) ?? .other("a string")
        case .int: return value.int.map(Value.integer) ?? .other("an integer")
        case .bool: return value.bool.map(Value.boolean) ?? .other("a boolean")
        case .double: return .other("a float")
        case .date, .time, .dateTime: return .other("a date or time")
        case .array: return .other("an array")
        case .table: return .other("a table")
        }
    }
}
