/// A deliberately simple email check: what an admin would call malformed, not RFC 5322 in full.
enum EmailAddress {
    /// One `@`, a non-empty local part, a domain with a dot that neither starts nor ends it,
    /// no spaces and no characters that cannot appear outside quotes.
    static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, !domain.isEmpty, local.count <= 64 else { return false }
        let forbidden: Set<Character> = [" ", "\t", "\n", "\r", ",", ";", "<", ">", "(", ")", "[", "]", "\\", "\""]
        guard !text.contains(where: { forbidden.contains($0) }) else { return false }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else { return false }
        return true
    }
}
