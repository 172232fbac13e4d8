/// One lexical unit of a mapping expression, with the 1-based column it starts at.
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case string(String)
        case number(Double)
        case null
        case boolean(Bool)
        case dot, comma, leftParen, rightParen, question, colon
        case plus, equal, notEqual, and, or, not
        case end
    }

    var kind: Kind
    var column: Int

    var spelling: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .string: return "a string"
        case .number: return "a number"
        case .null: return "'null'"
        case .boolean(let value): return "'\(value)'"
        case .dot: return "'.'"
        case .comma: return "','"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .question: return "'?'"
        case .colon: return "':'"
        case .plus: return "'+'"
        case .equal: return "'=='"
        case .notEqual: return "'!='"
        case .and: return "'&&'"
        case .or: return "'||'"
        case .not: return "'!'"
        case .end: return "the end of the expression"
        }
    }
}
