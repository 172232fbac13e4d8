/// Why an attribute mapping could not be set or removed; each message says what to do instead.
public enum MappingChangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The catalog fixes this mapping (Axiad Cloud's userName must be the email address).
    case notEditable(attribute: String, appName: String)
    /// The expression does not parse; the error names the column.
    case invalidExpression(attribute: String, error: ExpressionError)
    /// The attribute is not a SCIM attribute path scimdeck can send.
    case invalidAttribute(String)
    /// The catalog says the app takes no such attribute from scimdeck (`password` without password sync).
    case refusedByApp(attribute: String, appName: String, reason: String)
    /// `unset` of an attribute that has no mapping.
    case notMapped(String)
    /// The app's `/Schemas` has no such attribute; `nearest` are the names it has that come closest.
    case notInAppSchema(attribute: String, appName: String, nearest: [String])

    public var description: String {
        switch self {
        case .notEditable(let attribute, let appName):
            return "\(attribute) is fixed by \(appName) and cannot be changed"
        case .invalidExpression(let attribute, let error):
            return "the expression for \(attribute) does not parse at \(error)"
        case .invalidAttribute(let attribute):
            return "\"\(attribute)\" is not a SCIM attribute path (e.g. name.givenName, emails[primary].value, urn:…:enterprise:2.0:User:department)"
        case .refusedByApp(let attribute, let appName, let reason):
            return "\(attribute) cannot be mapped for \(appName): \(reason) Passwords are not provisioned to this app."
        case .notMapped(let attribute):
            return "\(attribute) has no mapping (see `scimdeck mapping list`)"
        case .notInAppSchema(let attribute, let appName, let nearest):
            let hint = nearest.isEmpty ? "" : "; did you mean \(nearest.joined(separator: ", "))?"
            return "\(appName)'s /Schemas has no attribute \(attribute)\(hint)"
        }
    }
}
