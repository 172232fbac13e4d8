import Foundation

/// The app integrations scimdeck knows, first of all Axiad Cloud (the guide's app).
public enum Catalog {
    public static let axiadCloud = CatalogEntry(
        id: "axiad-cloud",
        name: "Axiad Cloud",
        summary: "SAML 2.0 sign-on and SCIM 2.0 provisioning of users and groups.",
        supportsSAML: true,
        supportsCreateUsers: true,
        supportsUpdateUsers: true,
        supportsDeactivateUsers: true,
        syncPasswordUnsupportedReason: "Axiad Cloud does not support password sync through SCIM.",
        userNamesAreCaseInsensitive: true,
        defaultProfile: .okta,
        defaultMappings: [
            AttributeMapping(attribute: "userName", expression: "user.email", isEditable: false),
            AttributeMapping(attribute: "name.givenName", expression: "user.firstName"),
            AttributeMapping(attribute: "name.familyName", expression: "user.lastName"),
            AttributeMapping(attribute: "emails[primary].value", expression: "user.email"),
            AttributeMapping(attribute: "emails[primary].type", expression: "(user.email != null && user.email != '') ? 'work' : ''"),
        ],
        stacks: [
            CatalogEntry.Stack(
                name: "production",
                relayStateHint: "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/",
                acsURLHint: "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/",
                audienceHint: "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/broker/okta-infinidim/endpoint",
                baseURLHint: "https://ucms-infinidim.cloud.axiadids.net/secuera/api/v3/scim/infinidim"
            ),
            CatalogEntry.Stack(
                name: "demo-test",
                relayStateHint: "https://access-access-user-infinidim.demo.axiadids.net/auth/realms/master/",
                acsURLHint: "https://access-access-user-infinidim.demo.axiadids.net/auth/realms/master/",
                audienceHint: "https://access-user-infinidim.demo.axiadids.net/auth/realms/master/broker/okta-infinidim/endpoint",
                baseURLHint: "https://ucms-infinidim.demo.axiadids.net/secuera/api/v3/scim/infinidim"
            ),
        ]
    )

    public static let genericSCIM = CatalogEntry(
        id: "generic-scim-2",
        name: "Generic SCIM 2.0",
        summary: "Any SCIM 2.0 service provider (RFC 7643 / RFC 7644).",
        supportsSAML: true,
        supportsCreateUsers: true,
        supportsUpdateUsers: true,
        supportsDeactivateUsers: true,
        syncPasswordUnsupportedReason: "scimdeck does not hold directory passwords to sync.",
        userNamesAreCaseInsensitive: true,
        defaultProfile: .rfc7644,
        defaultMappings: [
            AttributeMapping(attribute: "userName", expression: "user.login"),
            AttributeMapping(attribute: "name.givenName", expression: "user.firstName"),
            AttributeMapping(attribute: "name.familyName", expression: "user.lastName"),
            AttributeMapping(attribute: "emails[primary].value", expression: "user.email"),
            AttributeMapping(attribute: "emails[primary].type", expression: "(user.email != null && user.email != '') ? 'work' : ''"),
        ],
        stacks: []
    )

    public static let entries: [CatalogEntry] = [axiadCloud, genericSCIM]

    public static func entry(named name: String) -> CatalogEntry? {
        entries.first { $0.name.caseInsensitiveCompare(name) == .orderedSame || $0.id == name.lowercased() }
    }

    public static func search(_ text: String) -> [CatalogEntry] {
        entries.filter { $0.matches(search: text) }
    }
}
