import Provisioning

/// The expression being edited for one attribute, validated and previewed on every keystroke.
public struct MappingDraft: Sendable, Equatable {
    public var attribute: String
    /// The expression before the edit; nil for an attribute taken from Show Unmapped Attributes.
    public var original: String?
    public var expression: String
    public var applyOn: AttributeMapping.ApplyOn
    /// Apply on before the edit, to tell whether anything changed.
    public let originalApplyOn: AttributeMapping.ApplyOn
    /// Why the expression does not parse, with the column (1-based) where it goes wrong.
    public private(set) var error: ExpressionError?

    init(attribute: String, original: String?, expression: String, applyOn: AttributeMapping.ApplyOn) {
        self.attribute = attribute
        self.original = original
        self.expression = expression
        self.applyOn = applyOn
        originalApplyOn = applyOn
        validate()
    }

    public var isNew: Bool { original == nil }
    public var isValid: Bool { error == nil }
    public var isChanged: Bool { isNew || expression != original || applyOn != originalApplyOn }

    /// "column 7: expected …", shown under the field.
    public var errorText: String? { error.map { "Invalid expression at \($0)" } }

    mutating func update(_ text: String) {
        expression = text
        validate()
    }

    private mutating func validate() {
        do {
            _ = try Expression.parse(expression)
            error = nil
        } catch {
            self.error = error
        }
    }

    /// The value for `person`, as the preview line shows it.
    public func preview(for person: PreviewPerson?) -> String? {
        guard let person else { return nil }
        let result = MappingPreview.evaluate(attribute: attribute, expression: expression, profile: person.profile)
        if result.error != nil { return nil }
        return MappingValueText.show(result.value)
    }
}
