/// A deliberately simple email check: what an admin would call malformed, not RFC 5322 in full.
///
/// Works on the UTF-8 bytes (every character it looks for is ASCII): walking Characters cost
/// a tenth of a 100,000-person import.
enum EmailAddress {
    private static let forbidden: Set<UInt8> = Set(" \t\n\r,;<>()[]\\\"".utf8)

    /// One `@`, a non-empty local part of at most 64 bytes that neither starts nor ends with a dot
    /// nor holds two in a row, a domain of two or more non-empty labels that do not start or end
    /// with `-`, no spaces and no characters that cannot appear outside quotes.
    static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.contains(where: forbidden.contains) else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        let domain = parts[1]
        let dot = UInt8(ascii: ".")
        let hyphen = UInt8(ascii: "-")
        guard !local.isEmpty, local.count <= 64, local.first != dot, local.last != dot else { return false }
        guard !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return false }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.first != hyphen && $0.last != hyphen }
    }
}
