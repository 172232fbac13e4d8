import Foundation

/// DN comparison for resolving `member` values (RFC 4514): attribute types and values case-folded,
/// spaces around `,`, `+` and `=` removed, and escapes read, so `CN=Núñez\, José`,
/// `cn=NÚÑEZ\2C JOSÉ` and `cn = núñez\, josé` are one DN.
enum DistinguishedName {
    /// One `type=value` pair, the value unescaped.
    private struct Attribute {
        var type: String
        var value: String
    }

    static func normalized(_ dn: String) -> String {
        var key = ""
        for (index, rdn) in relativeNames(dn).enumerated() {
            if index > 0 { key += "," }
            for (position, attribute) in rdn.enumerated() {
                if position > 0 { key += "+" }
                // Re-escaped so that a value holding `,`, `+` or `=` cannot read as two RDNs.
                key += attribute.type.lowercased() + "=" + escaped(attribute.value.lowercased())
            }
        }
        return key
    }

    /// The value of the first RDN: `Sales` for `cn=Sales,ou=Groups,dc=example,dc=com`,
    /// `Núñez, José` for `CN=Núñez\, José,OU=People`.
    static func firstValue(_ dn: String) -> String? {
        guard let value = relativeNames(dn).first?.first?.value, !value.isEmpty else { return nil }
        return value
    }

    private static func escaped(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "+" || $0 == "=" || $0 == "\\" }) else { return value }
        var text = ""
        for character in value {
            if character == "," || character == "+" || character == "=" || character == "\\" { text.append("\\") }
            text.append(character)
        }
        return text
    }

    /// The RDNs of a DN, each a list of attributes (more than one for a multi-valued RDN).
    private static func relativeNames(_ dn: String) -> [[Attribute]] {
        var rdns: [[Attribute]] = []
        var current: [Attribute] = []
        var type: [UInt8] = []
        var value: [UInt8] = []
        var inValue = false
        // Bytes of the value that came from escapes: kept when trimming the value's spaces.
        var escapedEnd = 0
        let bytes = Array(dn.utf8)
        var index = 0

        func finishAttribute() {
            var end = value.count
            while end > escapedEnd, value[end - 1] == 0x20 { end -= 1 }
            let text = String(decoding: value[..<end], as: UTF8.self)
            let name = String(decoding: type, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty || !text.isEmpty { current.append(Attribute(type: name, value: text)) }
            type = []
            value = []
            inValue = false
            escapedEnd = 0
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if index + 2 < bytes.count, let high = hexDigit(next), let low = hexDigit(bytes[index + 2]) {
                    append(high << 4 | low, inValue: inValue, type: &type, value: &value)
                    index += 3
                } else {
                    append(next, inValue: inValue, type: &type, value: &value)
                    index += 2
                }
                if inValue { escapedEnd = value.count }
                continue
            }
            switch byte {
            case UInt8(ascii: "=") where !inValue:
                inValue = true
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                finishAttribute()
                rdns.append(current)
                current = []
            case UInt8(ascii: "+"):
                finishAttribute()
            case 0x20 where inValue && value.isEmpty:
                break
            default:
                append(byte, inValue: inValue, type: &type, value: &value)
            }
            index += 1
        }
        finishAttribute()
        rdns.append(current)
        return rdns
    }

    private static func append(_ byte: UInt8, inValue: Bool, type: inout [UInt8], value: inout [UInt8]) {
        if inValue { value.append(byte) } else { type.append(byte) }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
