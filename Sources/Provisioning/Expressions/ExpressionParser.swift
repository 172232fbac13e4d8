/// Recursive descent over the tokens, lowest precedence first:
/// ternary, `||`/OR, `&&`/AND, `==`/`!=`, `+`, `!`, then literals, names, calls and parentheses.
struct ExpressionParser {
    private let tokens: [ExpressionToken]
    private var position = 0

    init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    mutating func parseWhole() throws(ExpressionError) -> Expression {
        if current.kind == .end { throw ExpressionError(column: current.column, message: "the expression is empty") }
        let expression = try parseConditional()
        guard current.kind == .end else {
            throw ExpressionError(column: current.column, message: "expected an operator or the end of the expression, found \(current.spelling)")
        }
        return expression
    }

    private var current: ExpressionToken { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() { position += 1 }

    private mutating func expect(_ kind: ExpressionToken.Kind, _ what: String) throws(ExpressionError) {
        guard current.kind == kind else { throw ExpressionError(column: current.column, message: "expected \(what), found \(current.spelling)") }
        advance()
    }

    private mutating func parseConditional() throws(ExpressionError) -> Expression {
        let condition = try parseOr()
        guard current.kind == .question else { return condition }
        advance()
        let whenTrue = try parseConditional()
        try expect(.colon, "':' of the ternary")
        let whenFalse = try parseConditional()
        return .conditional(condition, whenTrue, whenFalse)
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var left = try parseAnd()
        while current.kind == .or {
            advance()
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var left = try parseEquality()
        while current.kind == .and {
            advance()
            left = .and(left, try parseEquality())
        }
        return left
    }

    private mutating func parseEquality() throws(ExpressionError) -> Expression {
        var left = try parseConcatenation()
        while current.kind == .equal || current.kind == .notEqual {
            let isEqual = current.kind == .equal
            advance()
            let right = try parseConcatenation()
            left = isEqual ? .equal(left, right) : .notEqual(left, right)
        }
        return left
    }

    private mutating func parseConcatenation() throws(ExpressionError) -> Expression {
        var left = try parseUnary()
        while current.kind == .plus {
            advance()
            left = .concatenate(left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if current.kind == .not {
            advance()
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case .string(let value): advance(); return .literal(.string(value))
        case .number(let value): advance(); return .literal(.number(value))
        case .null: advance(); return .literal(.null)
        case .boolean(let value): advance(); return .literal(.bool(value))
        case .leftParen:
            advance()
            let inner = try parseConditional()
            try expect(.rightParen, "')'")
            return inner
        case .identifier:
            return try parseNameOrCall()
        default:
            throw ExpressionError(column: token.column, message: "expected a value (a string, null, user.<attribute> or a function), found \(token.spelling)")
        }
    }

    private mutating func parseNameOrCall() throws(ExpressionError) -> Expression {
        let start = current
        var path: [String] = []
        while case .identifier(let name) = current.kind {
            path.append(name)
            advance()
            guard current.kind == .dot else { break }
            advance()
            guard case .identifier = current.kind else {
                throw ExpressionError(column: current.column, message: "expected a name after '.', found \(current.spelling)")
            }
        }
        let dotted = path.joined(separator: ".")
        if current.kind == .leftParen {
            guard let function = ExpressionFunction(qualifiedName: dotted) else {
                throw ExpressionError(column: start.column, message: "unknown function '\(dotted)' (known: \(ExpressionFunction.knownNames))")
            }
            advance()
            let arguments = try parseArguments()
            guard function.arity.contains(arguments.count) else {
                throw ExpressionError(column: start.column, message: "\(function.displayName) takes \(function.arityDescription), got \(arguments.count)")
            }
            return .call(function, arguments)
        }
        guard path.count >= 2, path[0] == "user" else {
            throw ExpressionError(column: start.column, message: "expected user.<attribute>, found '\(dotted)'")
        }
        return .attribute(path)
    }

    private mutating func parseArguments() throws(ExpressionError) -> [Expression] {
        var arguments: [Expression] = []
        if current.kind == .rightParen {
            advance()
            return arguments
        }
        while true {
            arguments.append(try parseConditional())
            if current.kind == .comma { advance(); continue }
            try expect(.rightParen, "',' or ')'")
            return arguments
        }
    }
}
