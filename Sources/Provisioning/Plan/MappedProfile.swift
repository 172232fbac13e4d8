import Crypto
import Foundation

/// A person's attributes as the app should hold them: each mapping's expression evaluated.
public struct MappedProfile: Sendable, Equatable {
    /// In mapping order; nil where the expression gave null (the attribute is not sent).
    public var values: [(attribute: String, value: String?)]
    /// Attributes mapped "Create" only: sent when the user is created, never on an update.
    public var createOnlyAttributes: Set<String>

    public init(values: [(attribute: String, value: String?)], createOnlyAttributes: Set<String> = []) {
        self.values = values
        self.createOnlyAttributes = createOnlyAttributes
    }

    /// What an update sends: every value but the create-only ones.
    public var updatable: MappedProfile {
        guard !createOnlyAttributes.isEmpty else { return self }
        return MappedProfile(values: values.filter { !createOnlyAttributes.contains($0.attribute) })
    }

    public static func == (lhs: MappedProfile, rhs: MappedProfile) -> Bool {
        lhs.createOnlyAttributes == rhs.createOnlyAttributes
            && lhs.values.elementsEqual(rhs.values) { $0.attribute == $1.attribute && $0.value == $1.value }
    }

    public subscript(attribute: String) -> String? {
        values.first { $0.attribute == attribute }?.value ?? nil
    }

    public var userName: String? { self["userName"] }

    /// SHA-256 over the sorted attribute/value pairs an update would send: equal profiles hash equal,
    /// whatever the mapping order, and a create-only value never causes an update.
    /// Each part is length-prefixed, so no value can forge the boundary of another.
    public var payloadHash: String {
        var hasher = SHA256()
        for (attribute, value) in updatable.values.sorted(by: { $0.attribute < $1.attribute }) {
            Self.feed(attribute, into: &hasher)
            if let value {
                Self.feed(value, into: &hasher)
            } else {
                hasher.update(data: [0xFF])
            }
        }
        return Self.hex(hasher.finalize())
    }

    private static func feed(_ text: String, into hasher: inout SHA256) {
        var text = text
        text.withUTF8 { bytes in
            var length = UInt32(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
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
    private let createOnly: Set<String>

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
        createOnly = Set(mappings.filter { $0.applyOn == .createOnly }.map(\.attribute))
    }

    public func map(_ profile: [String: String]) -> MappedProfile {
        let evaluator = ExpressionEvaluator(profile: profile)
        return MappedProfile(values: compiled.map { ($0.attribute, evaluator.evaluate($0.expression).text) }, createOnlyAttributes: createOnly)
    }
}
