/// Filter expressions (RFC 7644 §3.4.2.2) for the lookups scimdeck makes.
public enum SCIMFilter {
    /// `attribute eq "value"` with `"` and `\` escaped inside the value.
    public static func equals(_ attribute: String, _ value: String) -> String {
        "\(attribute) eq \(quoted(value))"
    }

    /// A JSON-style string literal: `\` → `\\`, `"` → `\"`, control characters as `\uXXXX`.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
