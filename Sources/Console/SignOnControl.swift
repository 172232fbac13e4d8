import Provisioning

/// The Sign On form's focusable parts, in Tab order. The custom expression field is there only
/// while "Custom" is the application username.
enum SignOnControl: Sendable, Equatable, CaseIterable {
    case defaultRelayState, acsURL, audienceURI, nameIDFormat, applicationUsername, customExpression, save, cancel

    /// The text field behind a control, if it is one.
    var textField: SignOnField? {
        switch self {
        case .defaultRelayState: return .defaultRelayState
        case .acsURL: return .acsURL
        case .audienceURI: return .audienceURI
        case .customExpression: return .applicationUsername
        case .nameIDFormat, .applicationUsername, .save, .cancel: return nil
        }
    }

    static func order(showingCustomExpression: Bool) -> [SignOnControl] {
        allCases.filter { $0 != .customExpression || showingCustomExpression }
    }
}
