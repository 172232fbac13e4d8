import Provisioning

/// One line of the Attribute Mappings list: attribute, expression, apply on.
public struct MappingRow: Sendable, Equatable {
    public var attribute: String
    public var expression: String
    public var applyOn: AttributeMapping.ApplyOn
    public var isEditable: Bool
    /// Beside a mapping the catalog fixes, e.g. "fixed by Axiad Cloud".
    public var fixedNote: String?

    public init(_ mapping: AttributeMapping, catalogName: String) {
        attribute = mapping.attribute
        expression = mapping.expression
        applyOn = mapping.applyOn
        isEditable = mapping.isEditable
        fixedNote = mapping.isEditable ? nil : "fixed by \(catalogName)"
    }

    /// "Create, Update" or "Create", as Okta's APPLY ON column reads.
    public var applyOnLabel: String { applyOn.label }
}
