/// A deliberately simple email check: what an admin would call malformed, not RFC 5322 in full.
///
/// Works on the UTF-8 bytes in place (every character it looks for is ASCII): walking Characters,
/// or even copying the bytes into arrays and splitting them, cost a tenth of a 100,000-person import.
enum EmailAddress {
    /// One `@`, a non-empty local part of at most 64 bytes that neither starts nor ends with a dot
    /// nor holds two in a row, a domain of two or more non-empty labels that do not start or end
    /// with `-`, no spaces and no characters that cannot appear outside quotes.
    static func isWellFormed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isWellFormed(bytes:))
    }

    private static let at = UInt8(ascii: "@")
    private static let dot = UInt8(ascii: ".")
    private static let hyphen = UInt8(ascii: "-")

    private static func isForbidden(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x3B, 0x3C, 0x3E, 0x28, 0x29, 0x5B, 0x5D, 0x5C, 0x22: return true // space \t \n \r , ; < > ( ) [ ] \ "
        default: return false
        }
    }

    private static func isWellFormed(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.contains(where: isForbidden), let atIndex = bytes.firstIndex(of: at) else { return false }
        let local = bytes[..<atIndex]
        let domain = bytes[(atIndex + 1)...]
        guard !domain.contains(at) else { return false }
        guard !local.isEmpty, local.count <= 64, local.first != dot, local.last != dot else { return false }
        guard !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return false }
        var labels = 0
        var labelStart = domain.startIndex
        for index in domain.startIndex...domain.endIndex where index == domain.endIndex || domain[index] == dot {
            let label = domain[labelStart..<index]
            guard !label.isEmpty, label.first != hyphen, label.last != hyphen else { return false }
            labels += 1
            labelStart = index + 1
        }
        return labels >= 2
    }
}
