/// A parsed mapping expression (the common part of Okta Expression Language).
public indirect enum Expression: Sendable, Equatable {
    case literal(ExpressionValue)
    /// `user.firstName` → ["user", "firstName"].
    case attribute([String])
    case concatenate(Expression, Expression)
    case equal(Expression, Expression)
    case notEqual(Expression, Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression)
    case conditional(Expression, Expression, Expression)
    case call(ExpressionFunction, [Expression])

    /// Reads an expression; a mistake is reported with its column and what was expected.
    public static func parse(_ source: String) throws(ExpressionError) -> Expression {
        var lexer = ExpressionLexer(source)
        var parser = ExpressionParser(tokens: try lexer.tokens())
        return try parser.parseWhole()
    }

    /// The `user.*` attributes the expression reads, in order of first use.
    public var referencedAttributes: [String] {
        var names: [String] = []
        collectAttributes(into: &names)
        return names
    }

    private func collectAttributes(into names: inout [String]) {
        switch self {
        case .literal: break
        case .attribute(let path):
            let name = path.dropFirst().joined(separator: ".")
            if !names.contains(name) { names.append(name) }
        case .concatenate(let a, let b), .equal(let a, let b), .notEqual(let a, let b), .and(let a, let b), .or(let a, let b):
            a.collectAttributes(into: &names)
            b.collectAttributes(into: &names)
        case .not(let a): a.collectAttributes(into: &names)
        case .conditional(let a, let b, let c):
            a.collectAttributes(into: &names)
            b.collectAttributes(into: &names)
            c.collectAttributes(into: &names)
        case .call(_, let arguments): arguments.forEach { $0.collectAttributes(into: &names) }
        }
    }
}
