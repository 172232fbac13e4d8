import Foundation

/// The JSON text a person's extra attributes are stored as: an object of strings, keys sorted,
/// so that equal attributes are equal text (re-imports compare the text, not the values).
///
/// Encoding is written out by hand: JSONEncoder cost 20 µs a person, most of a re-import.
enum AttributesCoding {
    static func encode(_ attributes: [String: String]) -> String {
        guard !attributes.isEmpty else { return "{}" }
        var text = "{"
        for (index, entry) in attributes.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { text += "," }
            appendQuoted(entry.key, to: &text)
            text += ":"
            appendQuoted(entry.value, to: &text)
        }
        text += "}"
        return text
    }

    static func decode(_ text: String?) -> [String: String] {
        guard let text, text != "{}", let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }

    /// A JSON string literal (RFC 8259): quote, backslash and control characters escaped, the rest as is.
    private static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        // Most values need no escape: copied whole, not scalar by scalar (4% of an import).
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
