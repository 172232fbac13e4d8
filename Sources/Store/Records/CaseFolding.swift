/// The lowercasing behind `loginKey`, `nameKey` and `searchKey`: the same text as
/// `String.lowercased()`, with the common ASCII case done on the bytes.
///
/// `lowercased()` maps non-ASCII text scalar by scalar through the Unicode tables, and only takes
/// its own ASCII shortcut for strings it already knows are ASCII (a CSV field built scalar by scalar
/// is not): together 8% of a 100,000-person import.
enum CaseFolding {
    static func lowercased(_ text: String) -> String {
        var hasUppercase = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.lowercased() }
            if byte &- 0x41 < 26 { hasUppercase = true }
        }
        guard hasUppercase else { return text }
        let count = text.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for byte in text.utf8 {
                buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                index += 1
            }
            return index
        }
    }
}
