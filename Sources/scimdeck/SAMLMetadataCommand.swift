import ArgumentParser
import Foundation
import SAML

/// `scimdeck saml metadata`: the IdP metadata an app imports to trust this console.
struct SAMLMetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata",
        abstract: "Write IdP metadata (EntityDescriptor) for a signing certificate."
    )

    @Option(name: .customLong("entity-id"), help: "The IdP entity ID (the Issuer of the Responses).")
    var entityID: String

    @Option(name: .customLong("sso-url"), help: "The IdP single sign-on URL (HTTP-POST and HTTP-Redirect).")
    var ssoURL: String

    @Option(name: .customLong("cert"), help: "The signing certificate (PEM).")
    var certificate: String

    @Option(name: .customLong("name-id-format"), help: "A Name ID format to announce (repeatable; default: all).")
    var nameIDFormats: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The file to write (default: standard output).")
    var output: String?

    func run() async throws {
        let certificatePEM = try SAMLFiles.read(certificate, what: "certificate")
        let formats = nameIDFormats.isEmpty ? NameIDFormat.all : nameIDFormats.map(NameIDFormat.init(parsing:))
        let provider = IdentityProvider(entityID: entityID, ssoURL: ssoURL, nameIDFormats: formats)
        let metadata = try IdentityProviderMetadata(identityProvider: provider, certificatePEM: certificatePEM)
        try SAMLFiles.write(try metadata.xml(), to: output)
    }
}
