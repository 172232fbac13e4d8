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
    /// The attributes the assertion carries besides the Name ID.
    public var attributeStatements: [AttributeStatement]

    public init(
        defaultRelayState: String = "", acsURL: String = "", audienceURI: String = "",
        nameIDFormat: NameIDFormatChoice = .unspecified, applicationUsername: ApplicationUsername = .oktaUsername,
        attributeStatements: [AttributeStatement] = []
    ) {
        self.attributeStatements = attributeStatements
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
            applicationUsername: ApplicationUsername(expression: stored.applicationUsername),
            attributeStatements: (try? JSONDecoder().decode([AttributeStatement].self, from: Data(stored.attributeStatements.utf8))) ?? []
        )
    }

    /// The row to store for `appID`.
    public func stored(appID: Int64, updatedAt: Date = Date()) -> Store.SignOnSettings {
        Store.SignOnSettings(
            appId: appID, defaultRelayState: defaultRelayState, acsURL: acsURL, audienceURI: audienceURI,
            nameIDFormat: nameIDFormat.urn, applicationUsername: applicationUsername.expression, updatedAt: updatedAt,
            attributeStatements: Self.json(attributeStatements)
        )
    }

    /// The settings a signed Response is built from: the given attribute statements, else the stored ones.
    public func samlSettings(attributeStatements: [AttributeStatement] = []) -> SAML.SignOnSettings {
        SAML.SignOnSettings(
            acsURL: acsURL, audience: audienceURI, nameIDFormat: nameIDFormat.format,
            defaultRelayState: defaultRelayState, applicationUsername: applicationUsername.expression,
            attributeStatements: attributeStatements.isEmpty ? self.attributeStatements : attributeStatements
        )
    }

    /// The stored form of attribute statements (the `attributeStatements` column).
    public static func json(_ statements: [AttributeStatement]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(statements)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
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
