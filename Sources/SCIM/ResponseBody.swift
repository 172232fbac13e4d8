import Foundation

/// Describes bodies that are not SCIM JSON, for error messages.
enum ResponseBody {
    /// True when the first non-blank byte opens a JSON object or array.
    static func looksLikeJSON(_ data: Data) -> Bool {
        for byte in data {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue  // blanks and a UTF-8 byte order mark
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    /// "an HTML page titled “502 Bad Gateway” (text/html)", or the first characters of the text.
    static func describe(_ response: HTTPResponse) -> String {
        let contentType = response.header("Content-Type")
        let typeNote = contentType.map { " (\($0))" } ?? ""
        let text = String(decoding: response.body.prefix(2048), as: UTF8.self)
        let lowered = text.lowercased()
        if lowered.contains("<html") || lowered.contains("<!doctype html") || contentType?.lowercased().contains("html") == true {
            if let title = htmlTitle(text) { return "an HTML page titled “\(title)”\(typeNote)" }
            return "an HTML page\(typeNote)"
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let snippet = line.count > 120 ? String(line.prefix(120)) + "…" : line
        return "\(response.body.count) bytes that are not JSON\(typeNote), starting “\(snippet)”"
    }

    static func htmlTitle(_ text: String) -> String? {
        guard let open = text.range(of: "<title>", options: .caseInsensitive),
              let close = text.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        else { return nil }
        let title = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : String(title.prefix(120))
    }
}
