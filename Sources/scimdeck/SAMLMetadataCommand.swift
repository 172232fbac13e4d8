import ArgumentParser
import Foundation
import Provisioning
import SAML
import Store

/// `scimdeck saml metadata --app A [-o FILE]`: the IdP metadata an app imports to trust this console.
struct SAMLMetadataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metadata",
        abstract: "Write IdP metadata (EntityDescriptor) for an app, or for a certificate file.",
        discussion: """
        --app A: the app's IdP entity ID and SSO URL (under --idp-url) and the workspace signing certificate \
        (made on first use). Otherwise give --entity-id, --sso-url and --cert.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("app"), help: "The app, by label or id.")
    var app: String?

    @Option(name: .customLong("idp-url"), help: "With --app: the base of the IdP entity ID and SSO URL.")
    var idpURL: String = AppIdentityProvider.defaultBaseURL

    @Option(name: .customLong("entity-id"), help: "The IdP entity ID (the Issuer of the Responses).")
    var entityID: String?

    @Option(name: .customLong("sso-url"), help: "The IdP single sign-on URL (HTTP-POST and HTTP-Redirect).")
    var ssoURL: String?

    @Option(name: .customLong("cert"), help: "The signing certificate (PEM).")
    var certificate: String?

    @Option(name: .customLong("name-id-format"), help: "Without --app: a Name ID format to announce (repeatable; default: all).")
    var nameIDFormats: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The file to write (default: standard output).")
    var output: String?

    func validate() throws {
        if app == nil, entityID == nil || ssoURL == nil || certificate == nil {
            throw ValidationError("Give --app A, or all of --entity-id, --sso-url and --cert.")
        }
    }

    func run() async throws {
        if let app {
            let store = try ScimdeckStore(path: global.storePath)
            let found = try ProvisioningEngine.app(named: app, in: store)
            let service = SignOnService(store: store, identityProviderBaseURL: idpURL)
            try SAMLFiles.write(try service.metadataXML(appID: found.id), to: output, secret: true)
            return
        }
        let certificatePEM = try SAMLFiles.read(certificate ?? "", what: "certificate")
        let formats = nameIDFormats.isEmpty ? NameIDFormat.all : nameIDFormats.map(NameIDFormat.init(parsing:))
        let provider = IdentityProvider(entityID: entityID ?? "", ssoURL: ssoURL ?? "", nameIDFormats: formats)
        let metadata = try IdentityProviderMetadata(identityProvider: provider, certificatePEM: certificatePEM)
        try SAMLFiles.write(try metadata.xml(), to: output)
    }
}
