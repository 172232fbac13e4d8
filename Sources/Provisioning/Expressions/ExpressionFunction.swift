import Foundation

/// The `String.*` functions of Okta Expression Language that mappings may call.
public enum ExpressionFunction: String, Sendable, CaseIterable {
    case toLowerCase, toUpperCase, substringBefore, substringAfter, substring
    case replace, join, len, stringContains, removeSpaces

    /// Accepts `String.toLowerCase` (Okta's spelling) and the bare `toLowerCase`.
    init?(qualifiedName: String) {
        let bare = qualifiedName.hasPrefix("String.") ? String(qualifiedName.dropFirst("String.".count)) : qualifiedName
        self.init(rawValue: bare)
    }

    public var displayName: String { "String.\(rawValue)" }

    static var knownNames: String { allCases.map(\.displayName).joined(separator: ", ") }

    var arity: ClosedRange<Int> {
        switch self {
        case .toLowerCase, .toUpperCase, .len, .removeSpaces: return 1...1
        case .substringBefore, .substringAfter, .stringContains: return 2...2
        case .substring: return 2...3
        case .replace: return 3...3
        case .join: return 1...64
        }
    }

    var arityDescription: String {
        arity.lowerBound == arity.upperBound
            ? "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"
            : "\(arity.lowerBound) to \(arity.upperBound) arguments"
    }

    /// Null in, null out, as Okta does; never traps on out-of-range indices.
    func apply(_ arguments: [ExpressionValue]) -> ExpressionValue {
        switch self {
        case .join:
            guard let separator = arguments.first?.text else { return .null }
            let parts = arguments.dropFirst().compactMap(\.text)
            return .string(parts.joined(separator: separator))
        case .stringContains:
            guard let text = arguments[0].text, let part = arguments[1].text else { return .bool(false) }
            return .bool(part.isEmpty || text.contains(part))
        default:
            break
        }
        guard let text = arguments[0].text else { return .null }
        switch self {
        case .toLowerCase: return .string(text.lowercased())
        case .toUpperCase: return .string(text.uppercased())
        case .len: return .number(Double(text.count))
        case .removeSpaces: return .string(text.filter { !$0.isWhitespace })
        case .substringBefore:
            guard let separator = arguments[1].text, let range = text.range(of: separator) else { return .string(text) }
            return .string(String(text[..<range.lowerBound]))
        case .substringAfter:
            guard let separator = arguments[1].text, let range = text.range(of: separator) else { return .string("") }
            return .string(String(text[range.upperBound...]))
        case .substring:
            let characters = Array(text)
            let start = clampedIndex(arguments[1], count: characters.count) ?? 0
            let end = arguments.count > 2 ? (clampedIndex(arguments[2], count: characters.count) ?? characters.count) : characters.count
            return .string(start < end ? String(characters[start..<end]) : "")
        case .replace:
            guard let match = arguments[1].text, !match.isEmpty else { return .string(text) }
            return .string(text.replacingOccurrences(of: match, with: arguments[2].text ?? ""))
        case .join, .stringContains:
            return .null
        }
    }

    private func clampedIndex(_ value: ExpressionValue, count: Int) -> Int? {
        let number: Double?
        switch value {
        case .number(let n): number = n
        case .string(let s): number = Double(s)
        default: number = nil
        }
        guard let number, number.isFinite else { return nil }
        return max(0, min(count, Int(number)))
    }
}
