/// The checkboxes of Provisioning → To App, with the guide's labels.
public enum ToAppOption: Sendable, Equatable, CaseIterable {
    case createUsers
    case updateUserAttributes
    case deactivateUsers

    public var label: String {
        switch self {
        case .createUsers: return "Create Users"
        case .updateUserAttributes: return "Update User Attributes"
        case .deactivateUsers: return "Deactivate Users"
        }
    }
}
