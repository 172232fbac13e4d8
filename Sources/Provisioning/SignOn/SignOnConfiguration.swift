import Foundation
import SAML
import Store

/// One app's Sign On settings as the tab edits them: the stored row with its Name ID format and application
/// username read into choices. It is the bridge between the store's row and the settings SAML signs with.
public struct SignOnConfiguration: Sendable, Hashable {
    public var defaultRelayState: String
    public var acsURL: String
    public var audienceURI: String
    public var nameIDFormat: NameIDFormatChoice
    public var applicationUsername: ApplicationUsername

    public init(
        defaultRelayState: String = "", acsURL: String = "", audienceURI: String = "",
        nameIDFormat: NameIDFormatChoice = .unspecified, applicationUsername: ApplicationUsername = .oktaUsername
    ) {
        self.defaultRelayState = defaultRelayState
        self.acsURL = acsURL
        self.audienceURI = audienceURI
        self.nameIDFormat = nameIDFormat
        self.applicationUsername = applicationUsername
    }

    /// Reads the stored row; a Name ID format the tab does not offer reads as Unspecified.
    public init(_ stored: Store.SignOnSettings) {
        self.init(
            defaultRelayState: stored.defaultRelayState,
            acsURL: stored.acsURL,
            audienceURI: stored.audienceURI,
            nameIDFormat: NameIDFormatChoice(urn: stored.nameIDFormat) ?? .unspecified,
            applicationUsername: ApplicationUsername(expression: stored.applicationUsername)
        )
    }

    /// The row to store for `appID`.
    public func stored(appID: Int64, updatedAt: Date = Date()) -> Store.SignOnSettings {
        Store.SignOnSettings(
            appId: appID, defaultRelayState: defaultRelayState, acsURL: acsURL, audienceURI: audienceURI,
            nameIDFormat: nameIDFormat.urn, applicationUsername: applicationUsername.expression, updatedAt: updatedAt
        )
    }

    /// The settings a signed Response is built from.
    public func samlSettings(attributeStatements: [AttributeStatement] = []) -> SAML.SignOnSettings {
        SAML.SignOnSettings(
            acsURL: acsURL, audience: audienceURI, nameIDFormat: nameIDFormat.format,
            defaultRelayState: defaultRelayState, applicationUsername: applicationUsername.expression,
            attributeStatements: attributeStatements
        )
    }

    /// Each field's reason to refuse the settings, empty when they can be saved and signed with.
    public var problems: [SignOnField: String] {
        var problems: [SignOnField: String] = [:]
        problems[.defaultRelayState] = SignOnFieldRules.relayStateProblem(defaultRelayState)
        problems[.acsURL] = SignOnFieldRules.urlProblem(acsURL)
        problems[.audienceURI] = SignOnFieldRules.audienceProblem(audienceURI)
        problems[.applicationUsername] = applicationUsername.problem
        return problems
    }
}

extension SAML.SignOnSettings {
    /// The SAML settings of a stored Sign On row (see `SignOnConfiguration`).
    public init(stored: Store.SignOnSettings, attributeStatements: [AttributeStatement] = []) {
        self = SignOnConfiguration(stored).samlSettings(attributeStatements: attributeStatements)
    }
}
