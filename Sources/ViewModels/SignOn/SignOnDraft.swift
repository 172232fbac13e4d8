import Provisioning
import SAML

/// The Sign On form while it is edited: the text of each field as typed, and the chosen options.
/// The custom expression is kept while another username choice is selected, so switching back loses nothing.
public struct SignOnDraft: Sendable, Hashable {
    public var defaultRelayState: String
    public var acsURL: String
    public var audienceURI: String
    public var nameIDFormat: NameIDFormatChoice
    public var usernameKind: ApplicationUsername.Kind
    public var customExpression: String
    /// Not edited on this form (`scimdeck app set --attribute-statement` edits them), but carried through
    /// Save so that saving the form never drops them.
    public var attributeStatements: [AttributeStatement]

    public init(_ configuration: SignOnConfiguration) {
        attributeStatements = configuration.attributeStatements
        defaultRelayState = configuration.defaultRelayState
        acsURL = configuration.acsURL
        audienceURI = configuration.audienceURI
        nameIDFormat = configuration.nameIDFormat
        usernameKind = configuration.applicationUsername.kind
        if case .custom(let expression) = configuration.applicationUsername {
            customExpression = expression
        } else {
            customExpression = ""
        }
    }

    /// The settings the form holds, each text trimmed of the blanks around it (pasted URLs often carry some).
    public var configuration: SignOnConfiguration {
        SignOnConfiguration(
            defaultRelayState: defaultRelayState.trimmingCharacters(in: .whitespacesAndNewlines),
            acsURL: acsURL.trimmingCharacters(in: .whitespacesAndNewlines),
            audienceURI: audienceURI.trimmingCharacters(in: .whitespacesAndNewlines),
            nameIDFormat: nameIDFormat,
            applicationUsername: applicationUsername,
            attributeStatements: attributeStatements
        )
    }

    public var applicationUsername: ApplicationUsername {
        switch usernameKind {
        case .oktaUsername: return .oktaUsername
        case .email: return .email
        case .emailPrefix: return .emailPrefix
        case .custom: return .custom(customExpression.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// The text of a text field (the custom expression for the application username); nil for the Name ID format.
    public func text(of field: SignOnField) -> String? {
        switch field {
        case .defaultRelayState: return defaultRelayState
        case .acsURL: return acsURL
        case .audienceURI: return audienceURI
        case .applicationUsername: return customExpression
        case .nameIDFormat: return nil
        }
    }

    mutating func setText(_ text: String, of field: SignOnField) {
        switch field {
        case .defaultRelayState: defaultRelayState = text
        case .acsURL: acsURL = text
        case .audienceURI: audienceURI = text
        case .applicationUsername: customExpression = text
        case .nameIDFormat: break
        }
    }
}
