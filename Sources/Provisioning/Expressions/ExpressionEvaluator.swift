/// Evaluates expressions against one person's profile (`user.<name>` → `profile[name]`).
/// A missing attribute is null; evaluation never fails.
public struct ExpressionEvaluator: Sendable {
    public var profile: [String: String]

    public init(profile: [String: String]) {
        self.profile = profile
    }

    public func evaluate(_ expression: Expression) -> ExpressionValue {
        switch expression {
        case .literal(let value):
            return value
        case .attribute(let path):
            let name = path.count == 2 ? path[1] : path.dropFirst().joined(separator: ".")
            return profile[name].map(ExpressionValue.string) ?? .null
        case .concatenate(let left, let right):
            let a = evaluate(left), b = evaluate(right)
            if case .number(let x) = a, case .number(let y) = b { return .number(x + y) }
            // Null joins as nothing: an app must never receive the text "null" for an absent name part.
            if a == .null && b == .null { return .null }
            return .string((a.text ?? "") + (b.text ?? ""))
        case .equal(let left, let right):
            return .bool(Self.same(evaluate(left), evaluate(right)))
        case .notEqual(let left, let right):
            return .bool(!Self.same(evaluate(left), evaluate(right)))
        case .and(let left, let right):
            return .bool(evaluate(left).isTruthy && evaluate(right).isTruthy)
        case .or(let left, let right):
            return .bool(evaluate(left).isTruthy || evaluate(right).isTruthy)
        case .not(let inner):
            return .bool(!evaluate(inner).isTruthy)
        case .conditional(let condition, let whenTrue, let whenFalse):
            return evaluate(condition).isTruthy ? evaluate(whenTrue) : evaluate(whenFalse)
        case .call(let function, let arguments):
            return function.apply(arguments.map(evaluate))
        }
    }

    private static func same(_ a: ExpressionValue, _ b: ExpressionValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        default: return a == b || a.text == b.text
        }
    }
}
