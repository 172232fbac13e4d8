/// One row of an app's Attribute Mappings: a SCIM attribute of the app, filled from an expression.
public struct AttributeMapping: Sendable, Equatable, Codable {
    public enum ApplyOn: String, Sendable, Codable, CaseIterable {
        case createAndUpdate = "create_and_update"
        case createOnly = "create_only"

        public var label: String { self == .createAndUpdate ? "Create, Update" : "Create" }
    }

    /// The app's attribute, e.g. `userName`, `name.givenName`, `emails[primary].value`.
    public var attribute: String
    /// The Okta-style expression, e.g. `user.firstName`.
    public var expression: String
    public var applyOn: ApplyOn
    /// False where the catalog fixes the mapping (Axiad Cloud's userName must be the email).
    public var isEditable: Bool

    public init(attribute: String, expression: String, applyOn: ApplyOn = .createAndUpdate, isEditable: Bool = true) {
        self.attribute = attribute
        self.expression = expression
        self.applyOn = applyOn
        self.isEditable = isEditable
    }
}
