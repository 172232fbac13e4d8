import ArgumentParser

/// `scimdeck saml …`: signing keys, IdP metadata and the signed Preview SAML, from explicit files and options.
struct SAMLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saml",
        abstract: "Make SAML signing keys, IdP metadata and signed Preview SAML responses.",
        subcommands: [SAMLKeygenCommand.self, SAMLCertificateCommand.self, SAMLMetadataCommand.self, SAMLPreviewCommand.self]
    )
}
