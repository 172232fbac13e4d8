import Foundation
import TestSupport

/// The service provider libraries from PyPI (in the test venv) that must accept the Preview SAML,
/// each driven by its script in Checkers/. Two libraries that share no code: pysaml2 checks signatures
/// with the xmlsec1 binary, python3-saml with the xmlsec binding on lxml.
enum ServiceProviderLibrary: String, CaseIterable, CustomStringConvertible {
    case pysaml2
    case python3SAML = "python3-saml"

    var script: URL {
        let name = switch self {
        case .pysaml2: "pysaml2_accepts.py"
        case .python3SAML: "python3_saml_accepts.py"
        }
        return TestEnvironment.packageRoot.appendingPathComponent("Tests/SAMLTests/Checkers").appendingPathComponent(name)
    }

    /// What the library says when a signature does not verify, to be sure a rejection is for that reason.
    var badSignatureError: String {
        switch self {
        case .pysaml2: "SignatureError: Failed to verify signature"
        case .python3SAML: "Signature validation failed"
        }
    }

    /// What the library says when the Response itself carries no signature.
    var unsignedResponseError: String {
        switch self {
        case .pysaml2: "Signature missing for response"
        case .python3SAML: "is not signed and the SP require it"
        }
    }

    var description: String { rawValue }
}
