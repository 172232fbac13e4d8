import Crypto
import Foundation

/// A person's attributes as the app should hold them: each mapping's expression evaluated.
public struct MappedProfile: Sendable, Equatable {
    /// In mapping order; nil where the expression gave null (the attribute is not sent).
    public var values: [(attribute: String, value: String?)]

    public static func == (lhs: MappedProfile, rhs: MappedProfile) -> Bool {
        lhs.values.elementsEqual(rhs.values) { $0.attribute == $1.attribute && $0.value == $1.value }
    }

    public subscript(attribute: String) -> String? {
        values.first { $0.attribute == attribute }?.value ?? nil
    }

    public var userName: String? { self["userName"] }

    /// SHA-256 over the sorted attribute/value pairs: equal profiles hash equal, whatever the mapping order.
    public var payloadHash: String {
        var canonical = ""
        for (attribute, value) in values.sorted(by: { $0.attribute < $1.attribute }) {
            canonical += attribute
            canonical += value.map { "=" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") } ?? "∅"
            canonical += "\n"
        }
        return SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// The mappings of one app, parsed once and applied to many people.
public struct ProfileMapper: Sendable {
    public struct InvalidMapping: Error, Sendable, Equatable, CustomStringConvertible {
        public var attribute: String
        public var error: ExpressionError
        public var description: String { "mapping for \(attribute): \(error)" }
    }

    private let compiled: [(attribute: String, expression: Expression)]

    public init(mappings: [AttributeMapping]) throws(InvalidMapping) {
        var compiled: [(String, Expression)] = []
        for mapping in mappings {
            do {
                compiled.append((mapping.attribute, try Expression.parse(mapping.expression)))
            } catch {
                throw InvalidMapping(attribute: mapping.attribute, error: error)
            }
        }
        self.compiled = compiled
    }

    public func map(_ profile: [String: String]) -> MappedProfile {
        let evaluator = ExpressionEvaluator(profile: profile)
        return MappedProfile(values: compiled.map { ($0.attribute, evaluator.evaluate($0.expression).text) })
    }
}
