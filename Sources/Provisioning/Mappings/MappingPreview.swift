/// One mapped attribute's value for one person, or why its expression cannot be evaluated.
public struct MappingPreview: Sendable, Equatable {
    public var attribute: String
    public var expression: String
    /// Nil when the expression gives null (the attribute is not sent) or does not parse.
    public var value: String?
    public var error: ExpressionError?

    public init(attribute: String, expression: String, value: String?, error: ExpressionError?) {
        self.attribute = attribute
        self.expression = expression
        self.value = value
        self.error = error
    }

    /// Evaluates `expression` over `profile` (the `user.*` names of one person).
    public static func evaluate(attribute: String, expression: String, profile: [String: String]) -> MappingPreview {
        do {
            let parsed = try Expression.parse(expression)
            let value = ExpressionEvaluator(profile: profile).evaluate(parsed).text
            return MappingPreview(attribute: attribute, expression: expression, value: value, error: nil)
        } catch {
            return MappingPreview(attribute: attribute, expression: expression, value: nil, error: error)
        }
    }
}
