/// Fitting text into a number of columns: truncation with an ellipsis that never splits
/// a character, and padding that respects wide characters.
public enum TextLayout {
    public static let ellipsis: Character = "…"

    /// `text` cut to at most `width` columns; when it had to be cut, the last column is `…`.
    /// A wide character that would straddle the limit is dropped whole.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        let limit = width - 1
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > limit { break }
            result.append(character)
            used += characterWidth
        }
        result.append(ellipsis)
        return result
    }

    public enum Alignment: Sendable, Hashable {
        case left, right, center
    }

    /// `text` truncated to `width` and padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width)
        let gap = width - DisplayWidth.of(cut)
        guard gap > 0 else { return cut }
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }

    /// Words of `text` wrapped into lines of at most `width` columns; words longer than a
    /// line are truncated.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let wordText = truncate(String(word), toWidth: width)
                let wordWidth = DisplayWidth.of(wordText)
                if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += wordText
                lineWidth += wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
