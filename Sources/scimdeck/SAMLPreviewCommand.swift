import ArgumentParser
import Foundation
import SAML

/// `scimdeck saml preview`: a signed SAML Response for one person, from settings and person JSON files.
struct SAMLPreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Write a signed SAML Response (Preview SAML) for a person.",
        discussion: """
        settings.json: {"acsURL": "...", "audience": "...", "nameIDFormat": "emailAddress", \
        "defaultRelayState": "...", "issuer": "IdP entity ID"}.
        person.json: {"nameID": "...", "attributes": [{"name": "email", "nameFormat": "basic", "values": ["..."]}]}.
        Prints the ACS URL, the Relay State and the base64 SAMLResponse to post.
        """
    )

    @Option(name: .customLong("settings"), help: "The app's sign-on settings (JSON).")
    var settings: String

    @Option(name: .customLong("person"), help: "The person: Name ID and evaluated attribute values (JSON).")
    var person: String

    @Option(name: .customLong("key"), help: "The signing key (PEM); never pass key material on the command line.")
    var key: String

    @Option(name: .customLong("cert"), help: "The signing certificate (PEM).")
    var certificate: String

    @Option(name: .customLong("issuer"), help: "The IdP entity ID (overrides \"issuer\" in the settings).")
    var issuer: String?

    @Option(name: [.short, .customLong("output")], help: "The file for the Response XML (default: standard output).")
    var output: String?

    @Option(name: .customLong("html"), help: "Also write a page that posts the Response to the ACS URL.")
    var html: String?

    func run() async throws {
        let file = try SAMLFiles.decode(SAMLPreviewSettingsFile.self, from: settings, what: "settings")
        let subject = try SAMLFiles.decode(SAMLSubject.self, from: person, what: "person")
        let credential = try SAMLFiles.credential(keyPath: key, certificatePath: certificate)
        let entityID = issuer ?? file.issuer ?? ""
        let provider = IdentityProvider(entityID: entityID, ssoURL: file.ssoURL ?? "")
        let preview = try SAMLResponseBuilder(identityProvider: provider, credential: credential)
            .preview(settings: file.signOn, subject: subject)
        try SAMLFiles.write(preview.xml, to: output)
        if let html { try SAMLFiles.write(preview.autoPostHTML, to: html) }
        if output != nil && output != "-" {
            print("ACS URL: \(preview.acsURL)")
            print("RelayState: \(preview.relayState)")
            print("SAMLResponse: \(preview.base64)")
        }
    }
}
