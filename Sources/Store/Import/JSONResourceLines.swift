/// The line each resource of a SCIM JSON file starts on, found with a small scan (JSONSerialization
/// gives no positions): objects directly inside a top-level array, or inside an array that is a
/// value of the top-level object (a ListResponse's `Resources`).
enum JSONResourceLines {
    static func lines(in bytes: some Sequence<UInt8>) -> [Int] {
        var result: [Int] = []
        var stack: [UInt8] = []
        var line = 1
        var inString = false
        var escaped = false
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"):
                if stack == [UInt8(ascii: "[")] || stack == [UInt8(ascii: "{"), UInt8(ascii: "[")] { result.append(line) }
                stack.append(byte)
            case UInt8(ascii: "["):
                stack.append(byte)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
            default:
                break
            }
        }
        return result
    }
}
