import Foundation
import SAML
import TestSupport
import XCTest

/// Shared inputs for the SAML tests and the independent checkers (xmlsec1, pysaml2, python3-saml).
enum SAMLFixture {
    /// One key for the whole run: RSA generation is slow-ish and the tests only read it.
    static let credential: Result<SigningCredential, any Error> = Result {
        try SigningCredential.generate(commonName: "Axiad Cloud")
    }

    static let identityProvider = IdentityProvider(
        entityID: "http://scimdeck.local/exk0axiadcloud",
        ssoURL: "https://scimdeck.local/app/axiad-cloud/sso/saml"
    )

    static let settings = SignOnSettings(
        acsURL: "https://axiad.example.com/saml/acs",
        audience: "https://axiad.example.com/saml/metadata",
        nameIDFormat: .emailAddress,
        defaultRelayState: "https://axiad.example.com/home?tab=1&x=\"y\""
    )

    static let subject = SAMLSubject(nameID: "alice.ng@example.com", attributes: [
        SAMLAttribute(name: "email", nameFormat: .basic, values: ["alice.ng@example.com"]),
        SAMLAttribute(name: "firstName", nameFormat: .unspecified, values: ["Alice & <Al>"]),
        SAMLAttribute(name: "urn:oid:2.5.4.4", nameFormat: .uri, values: ["Ng"]),
        SAMLAttribute(name: "groups", nameFormat: .basic, values: ["Engineering", "Zoë's \"team\""]),
    ])

    static func builder() throws -> SAMLResponseBuilder {
        SAMLResponseBuilder(identityProvider: identityProvider, credential: try credential.get())
    }

    /// Writes the metadata, certificate and response into `directory`; returns their paths.
    static func writeFiles(preview: SAMLPreview, into directory: URL) throws -> (response: URL, certificate: URL, metadata: URL) {
        let credential = try credential.get()
        let response = directory.appendingPathComponent("response.xml")
        let certificate = directory.appendingPathComponent("cert.pem")
        let metadata = directory.appendingPathComponent("idp-metadata.xml")
        try Data(preview.xml.utf8).write(to: response)
        try Data(try credential.certificatePEM.utf8).write(to: certificate)
        let metadataXML = try IdentityProviderMetadata(identityProvider: identityProvider, credential: credential).xml()
        try Data(metadataXML.utf8).write(to: metadata)
        return (response, certificate, metadata)
    }

    /// `xmlsec1 --verify` on the signature found from `nodeID` (nil: the first in the document, the Response's).
    static func xmlsecVerify(response: URL, certificate: URL, nodeID: String?) throws -> ExternalTool.Result {
        var arguments = [
            "--verify",
            "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:Response",
            "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
            "--trusted-pem", certificate.path,
        ]
        if let nodeID { arguments += ["--node-id", nodeID] }
        arguments.append(response.path)
        return try ExternalTool.run(try ExternalTool.xmlsec1(), arguments)
    }

    /// The verdict of a service provider library on the response, as the JSON its checker script prints.
    static func serviceProviderCheck(
        _ library: ServiceProviderLibrary,
        response: URL,
        metadata: URL,
        settings: SignOnSettings
    ) throws -> (result: ExternalTool.Result, json: [String: Any]) {
        let python = TestEnvironment.venvTool("python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw ExternalToolError.missing("no test venv at \(TestEnvironment.venv.path): run scripts/setup.sh --test")
        }
        let result = try ExternalTool.run(python, [
            library.script.path, "--metadata", metadata.path, "--response", response.path,
            "--acs", settings.acsURL, "--audience", settings.audience,
        ])
        let lastLine = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let object = (try? JSONSerialization.jsonObject(with: Data(lastLine.utf8))) as? [String: Any]
        return (result, object ?? [:])
    }

    /// Validation against the OASIS SAML 2.0 schemas bundled with pysaml2 (Checkers/saml_schema_valid.py).
    static func schemaCheck(_ document: URL) throws -> (result: ExternalTool.Result, json: [String: Any]) {
        let python = TestEnvironment.venvTool("python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw ExternalToolError.missing("no test venv at \(TestEnvironment.venv.path): run scripts/setup.sh --test")
        }
        let script = TestEnvironment.packageRoot.appendingPathComponent("Tests/SAMLTests/Checkers/saml_schema_valid.py")
        let result = try ExternalTool.run(python, [script.path, document.path])
        let lastLine = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let object = (try? JSONSerialization.jsonObject(with: Data(lastLine.utf8))) as? [String: Any]
        return (result, object ?? [:])
    }
}
