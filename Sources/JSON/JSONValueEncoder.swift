import Foundation

extension JSONValue {
    /// The JSON value of an `Encodable`, as JSONEncoder would write it: a nil optional leaves its key
    /// out, a `Date` is ISO 8601 text (`2026-12-06T21:40:04Z`), a `URL` its absolute string. The CLI's
    /// `--json` output goes through this and the writer, so it has the same escaping and key order as
    /// every other JSON scimdeck writes.
    public init(encoding value: some Encodable) throws {
        let encoder = ValueEncoder(codingPath: [])
        try encoder.encodeValue(value)
        self = encoder.target.value
    }
}

/// Where one encoded value goes: containers write into a shared slot, read once at the end.
private final class Slot {
    enum Content {
        case empty
        case value(JSONValue)
        case object([String: Slot])
        case array([Slot])
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .empty: return .object([:])
        case .value(let value): return value
        case .object(let members): return .object(members.mapValues(\.value))
        case .array(let elements): return .array(elements.map(\.value))
        }
    }

    func member(_ key: String) -> Slot {
        var members: [String: Slot] = [:]
        if case .object(let existing) = content { members = existing }
        let slot = members[key] ?? Slot()
        members[key] = slot
        content = .object(members)
        return slot
    }

    func appended() -> Slot {
        var elements: [Slot] = []
        if case .array(let existing) = content { elements = existing }
        let slot = Slot()
        elements.append(slot)
        content = .array(elements)
        return slot
    }

    var count: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }

    func makeObject() { if case .object = content {} else { content = .object([:]) } }
    func makeArray() { if case .array = content {} else { content = .array([]) } }
}

private struct ValueEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let target: Slot

    init(codingPath: [any CodingKey], slot: Slot = Slot()) {
        self.codingPath = codingPath
        self.target = slot
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        target.makeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: target, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        target.makeArray()
        return UnkeyedContainer(slot: target, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(slot: target, codingPath: codingPath)
    }

    func encodeValue(_ value: some Encodable) throws {
        if let special = Self.special(value) {
            target.content = .value(special)
        } else {
            try value.encode(to: self)
        }
    }

    /// Values JSONEncoder writes as text rather than through their own `encode(to:)`.
    static func special(_ value: some Encodable) -> JSONValue? {
        switch value {
        case let date as Date: return .string(date.formatted(.iso8601))
        case let url as URL: return .string(url.absoluteString)
        case let json as JSONValue: return json
        default: return nil
        }
    }
}

private func encode(_ value: some Encodable, into slot: Slot, codingPath: [any CodingKey]) throws {
    let encoder = ValueEncoder(codingPath: codingPath, slot: slot)
    try encoder.encodeValue(value)
}

private func number(_ value: some BinaryInteger) -> JSONValue {
    Int(exactly: value).map(JSONValue.int) ?? .numberLiteral(String(value))
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) { slot.member(key.stringValue).content = .value(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(number(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(number(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(number(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(number(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(number(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(number(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(number(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(number(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(number(value), key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try JSON.encode(value, into: slot.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let member = slot.member(key.stringValue)
        member.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: member, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let member = slot.member(key.stringValue)
        member.makeArray()
        return UnkeyedContainer(slot: member, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(codingPath: codingPath, slot: slot.member("super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(codingPath: codingPath + [key], slot: slot.member(key.stringValue))
    }
}

/// The unkeyed and single-value containers take every plain value the same way: `put`.
private protocol ValueSink {
    func put(_ value: JSONValue)
}

extension ValueSink {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(.double(value)) }
    mutating func encode(_ value: Float) throws { put(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { put(.int(value)) }
    mutating func encode(_ value: Int8) throws { put(number(value)) }
    mutating func encode(_ value: Int16) throws { put(number(value)) }
    mutating func encode(_ value: Int32) throws { put(number(value)) }
    mutating func encode(_ value: Int64) throws { put(number(value)) }
    mutating func encode(_ value: UInt) throws { put(number(value)) }
    mutating func encode(_ value: UInt8) throws { put(number(value)) }
    mutating func encode(_ value: UInt16) throws { put(number(value)) }
    mutating func encode(_ value: UInt32) throws { put(number(value)) }
    mutating func encode(_ value: UInt64) throws { put(number(value)) }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue ?? 0) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer, ValueSink {
    let slot: Slot
    var codingPath: [any CodingKey]
    var count: Int { slot.count }

    func put(_ value: JSONValue) { slot.appended().content = .value(value) }

    mutating func encode(_ value: some Encodable) throws {
        let path = codingPath + [IndexKey(count)]
        try JSON.encode(value, into: slot.appended(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [IndexKey(count)]
        let element = slot.appended()
        element.makeObject()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: element, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        let element = slot.appended()
        element.makeArray()
        return UnkeyedContainer(slot: element, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(codingPath: codingPath + [IndexKey(count)], slot: slot.appended())
    }
}

private struct SingleContainer: SingleValueEncodingContainer, ValueSink {
    let slot: Slot
    var codingPath: [any CodingKey]

    func put(_ value: JSONValue) { slot.content = .value(value) }
    mutating func encode(_ value: some Encodable) throws { try JSON.encode(value, into: slot, codingPath: codingPath) }
}
