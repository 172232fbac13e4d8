/// Splits an expression into tokens. Strings take ' or " with backslash escapes.
struct ExpressionLexer {
    private let characters: [Character]
    private var index = 0

    init(_ source: String) {
        characters = Array(source)
    }

    mutating func tokens() throws(ExpressionError) -> [ExpressionToken] {
        var result: [ExpressionToken] = []
        while true {
            skipWhitespace()
            let column = index + 1
            guard index < characters.count else {
                result.append(ExpressionToken(kind: .end, column: column))
                return result
            }
            result.append(ExpressionToken(kind: try nextKind(), column: column))
        }
    }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func nextKind() throws(ExpressionError) -> ExpressionToken.Kind {
        let character = characters[index]
        let column = index + 1
        switch character {
        case "'", "\"": return .string(try readString(quote: character))
        case ".": index += 1; return .dot
        case ",": index += 1; return .comma
        case "(": index += 1; return .leftParen
        case ")": index += 1; return .rightParen
        case "?": index += 1; return .question
        case ":": index += 1; return .colon
        case "+": index += 1; return .plus
        case "=":
            guard peek(1) == "=" else { throw ExpressionError(column: column, message: "expected '==' (a single '=' is not an operator)") }
            index += 2; return .equal
        case "!":
            if peek(1) == "=" { index += 2; return .notEqual }
            index += 1; return .not
        case "&":
            guard peek(1) == "&" else { throw ExpressionError(column: column, message: "expected '&&'") }
            index += 2; return .and
        case "|":
            guard peek(1) == "|" else { throw ExpressionError(column: column, message: "expected '||'") }
            index += 2; return .or
        default:
            if character.isNumber, character.isASCII { return .number(readNumber()) }
            if character.isLetter || character == "_" || character == "$" { return keywordOrIdentifier(readWord()) }
            throw ExpressionError(column: column, message: "unexpected character '\(character)'")
        }
    }

    private mutating func readString(quote: Character) throws(ExpressionError) -> String {
        let column = index + 1
        index += 1
        var value = ""
        while let character = peek() {
            index += 1
            if character == quote { return value }
            if character == "\\", let escaped = peek() {
                index += 1
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(escaped)
                }
            } else {
                value.append(character)
            }
        }
        throw ExpressionError(column: column, message: "the string opened here is never closed (expected \(quote))")
    }

    private mutating func readNumber() -> Double {
        var text = ""
        while let character = peek(), character.isASCII, character.isNumber || (character == "." && !text.contains(".") && (peek(1)?.isNumber ?? false)) {
            text.append(character)
            index += 1
        }
        return Double(text) ?? 0
    }

    private mutating func readWord() -> String {
        var word = ""
        while let character = peek(), character.isLetter || character.isNumber || character == "_" || character == "$" {
            word.append(character)
            index += 1
        }
        return word
    }

    private func keywordOrIdentifier(_ word: String) -> ExpressionToken.Kind {
        switch word {
        case "null": return .null
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "AND": return .and
        case "OR": return .or
        default: return .identifier(word)
        }
    }
}
