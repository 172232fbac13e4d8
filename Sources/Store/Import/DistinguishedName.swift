import Foundation

/// DN comparison for resolving `member` values: case-folded, spaces around `,` and `=` removed.
enum DistinguishedName {
    static func normalized(_ dn: String) -> String {
        return normalizedParts(dn).map { rdn in
            rdn.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: "=")
        }
        .joined(separator: ",")
        .lowercased()
    }

    /// The value of the first RDN: `Sales` for `cn=Sales,ou=Groups,dc=example,dc=com`.
    static func firstValue(_ dn: String) -> String? {
        guard let first = normalizedParts(dn).first, let equals = first.firstIndex(of: "=") else { return nil }
        let value = first[first.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value.replacingOccurrences(of: "\\", with: "")
    }

    private static func normalizedParts(_ dn: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in dn {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
