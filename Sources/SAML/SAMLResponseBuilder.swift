import Foundation

/// Builds the Preview SAML: a Response with one Assertion for a person, the Assertion and then the Response
/// each signed with an enveloped RSA-SHA256 signature.
public struct SAMLResponseBuilder: Sendable {
    public let identityProvider: IdentityProvider
    public let credential: SigningCredential
    /// Clock skew allowed either side of the issue instant (Conditions and bearer confirmation).
    public var window: TimeInterval = 5 * 60

    public init(identityProvider: IdentityProvider, credential: SigningCredential) {
        self.identityProvider = identityProvider
        self.credential = credential
    }

    /// A signed Response for `subject` under `settings`, issued at `now`.
    /// `inResponseTo` is the AuthnRequest ID for SP-initiated sign-on; nil for the IdP-initiated preview.
    public func preview(
        settings: SignOnSettings,
        subject: SAMLSubject,
        now: Date = Date(),
        inResponseTo: String? = nil
    ) throws -> SAMLPreview {
        try validate(settings: settings, subject: subject, inResponseTo: inResponseTo)
        let responseID = SAMLIdentifier.make()
        let assertionID = SAMLIdentifier.make()
        let issueInstant = SAMLInstant.string(now)
        let notBefore = SAMLInstant.string(now.addingTimeInterval(-window))
        let notOnOrAfterDate = now.addingTimeInterval(window)
        let notOnOrAfter = SAMLInstant.string(notOnOrAfterDate)
        let signer = EnvelopedSigner(credential: credential)

        var confirmationAttributes = [("NotOnOrAfter", notOnOrAfter), ("Recipient", settings.effectiveRecipient)]
        if let inResponseTo { confirmationAttributes.append(("InResponseTo", inResponseTo)) }

        var assertionChildren: [XMLNode] = [
            issuer(declaringNamespace: false),
            XMLNode("saml:Subject", elements: [
                XMLNode("saml:NameID", attributes: [("Format", settings.nameIDFormat.rawValue)], text: subject.nameID),
                XMLNode("saml:SubjectConfirmation", attributes: [("Method", SAMLNamespace.bearer)], elements: [
                    XMLNode("saml:SubjectConfirmationData", attributes: confirmationAttributes),
                ]),
            ]),
            XMLNode("saml:Conditions", attributes: [("NotBefore", notBefore), ("NotOnOrAfter", notOnOrAfter)], elements: [
                XMLNode("saml:AudienceRestriction", elements: [XMLNode("saml:Audience", text: settings.audience)]),
            ]),
            XMLNode("saml:AuthnStatement", attributes: [("AuthnInstant", issueInstant), ("SessionIndex", assertionID)], elements: [
                XMLNode("saml:AuthnContext", elements: [
                    XMLNode("saml:AuthnContextClassRef", text: SAMLNamespace.passwordProtectedTransport),
                ]),
            ]),
        ]
        if !subject.attributes.isEmpty {
            assertionChildren.append(XMLNode("saml:AttributeStatement", elements: subject.attributes.map(attribute)))
        }
        let assertion = XMLNode(
            "saml:Assertion",
            namespaces: [SAMLNamespace.saml],
            attributes: [("ID", assertionID), ("IssueInstant", issueInstant), ("Version", "2.0")],
            elements: assertionChildren
        )
        let signedAssertion = try signer.sign(assertion, id: assertionID)

        var responseAttributes = [
            ("Destination", settings.effectiveDestination), ("ID", responseID), ("IssueInstant", issueInstant), ("Version", "2.0"),
        ]
        if let inResponseTo { responseAttributes.append(("InResponseTo", inResponseTo)) }
        let response = XMLNode(
            "samlp:Response",
            namespaces: [SAMLNamespace.samlp],
            attributes: responseAttributes,
            elements: [
                issuer(declaringNamespace: true),
                XMLNode("samlp:Status", elements: [
                    XMLNode("samlp:StatusCode", attributes: [("Value", SAMLNamespace.statusSuccess)]),
                ]),
                signedAssertion,
            ]
        )
        let signedResponse = try signer.sign(response, id: responseID)

        return SAMLPreview(
            xml: signedResponse.canonical,
            acsURL: settings.acsURL,
            relayState: settings.defaultRelayState,
            responseID: responseID,
            assertionID: assertionID,
            issueInstant: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down)),
            notOnOrAfter: Date(timeIntervalSince1970: notOnOrAfterDate.timeIntervalSince1970.rounded(.down))
        )
    }

    /// The Sign On tab's Preview SAML: the person's Name ID and attributes evaluated from the settings'
    /// expressions by `evaluate` (see `SignOnSettings.subject(evaluate:)`), then signed as above.
    public func preview(
        settings: SignOnSettings,
        now: Date = Date(),
        evaluate: SignOnSettings.ExpressionEvaluation
    ) throws -> SAMLPreview {
        try preview(settings: settings, subject: try settings.subject(evaluate: evaluate), now: now)
    }

    private func validate(settings: SignOnSettings, subject: SAMLSubject, inResponseTo: String?) throws {
        try settings.validate()
        guard !identityProvider.entityID.trimmingCharacters(in: .whitespaces).isEmpty else { throw SAMLError.missingIssuer }
        try XMLText.check(identityProvider.entityID, field: "IdP entity ID")
        guard !subject.nameID.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SAMLError.emptyNameID }
        try XMLText.check(subject.nameID, field: "Name ID")
        if let inResponseTo { try XMLText.check(inResponseTo, field: "InResponseTo") }
        for attribute in subject.attributes {
            guard !attribute.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw SAMLError.emptyAttributeName }
            try XMLText.check(attribute.name, field: "attribute name \"\(attribute.name)\"")
            try XMLText.check(attribute.nameFormat.rawValue, field: "name format of attribute \"\(attribute.name)\"")
            for value in attribute.values { try XMLText.check(value, field: "value of attribute \"\(attribute.name)\"") }
        }
    }

    /// The Issuer; inside the Response (outside the Assertion) it must declare the `saml` prefix itself.
    private func issuer(declaringNamespace: Bool) -> XMLNode {
        XMLNode(
            "saml:Issuer",
            namespaces: declaringNamespace ? [SAMLNamespace.saml] : [],
            attributes: [("Format", SAMLNamespace.entityFormat)],
            text: identityProvider.entityID
        )
    }

    private func attribute(_ attribute: SAMLAttribute) -> XMLNode {
        XMLNode(
            "saml:Attribute",
            attributes: [("Name", attribute.name), ("NameFormat", attribute.nameFormat.rawValue)],
            elements: attribute.values.map { XMLNode("saml:AttributeValue", text: $0) }
        )
    }
}
