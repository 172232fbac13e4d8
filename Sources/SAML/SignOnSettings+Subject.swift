/// Turns the Sign On settings' expressions into the evaluated subject of one person's assertion.
extension SignOnSettings {
    /// Evaluates one expression for the chosen person and gives its values (none for null).
    /// It throws when the expression cannot be read; the thrown error's description is shown to the admin.
    public typealias ExpressionEvaluation = (_ expression: String) throws -> [String]

    /// The Name ID (the first value of the application username expression) and every attribute statement's
    /// values, for the person `evaluate` reads from. An unreadable or empty expression, or a person for whom
    /// the username comes out empty, is reported as a `SAMLError` naming the setting to fix.
    public func subject(evaluate: ExpressionEvaluation) throws -> SAMLSubject {
        let nameID = try values(of: applicationUsername, field: "application username", evaluate: evaluate)
            .first { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard let nameID else { throw SAMLError.emptyNameID }
        let attributes = try attributeStatements.map { statement in
            guard !statement.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw SAMLError.emptyAttributeName }
            let field = "attribute statement \"\(statement.name)\""
            return SAMLAttribute(
                name: statement.name,
                nameFormat: statement.nameFormat,
                values: try values(of: statement.expression, field: field, evaluate: evaluate)
            )
        }
        return SAMLSubject(nameID: nameID, attributes: attributes)
    }

    private func values(of expression: String, field: String, evaluate: ExpressionEvaluation) throws -> [String] {
        guard !expression.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SAMLError.invalidExpression(field: field, expression: expression, reason: "it is empty")
        }
        do {
            return try evaluate(expression)
        } catch {
            throw SAMLError.invalidExpression(field: field, expression: expression, reason: String(describing: error))
        }
    }
}
