import SAML
import Store

/// Evaluates Sign On expressions (application username, attribute statements) for one directory person,
/// with the same `user.*` names the attribute mappings see.
public struct PersonExpressions: Sendable {
    public let evaluator: ExpressionEvaluator

    public init(person: Person) {
        evaluator = ExpressionEvaluator(profile: SnapshotLoader.profile(person))
    }

    /// The expression's value for the person: one value, or none for null. Throws `ExpressionError` when it does not parse.
    public func values(of expression: String) throws -> [String] {
        let parsed = try Expression.parse(expression)
        return evaluator.evaluate(parsed).text.map { [$0] } ?? []
    }

    /// The evaluator `SAMLResponseBuilder.preview(settings:now:evaluate:)` takes.
    public var evaluation: SAML.SignOnSettings.ExpressionEvaluation {
        { expression in try values(of: expression) }
    }
}
