import ArgumentParser
import Foundation
import Provisioning

/// The field checks of the Sign On and Integration forms, for the command line.
enum SettingValidation {
    /// An absolute https URL; plain http only to a loopback host.
    static func url(_ text: String, field: String) throws -> String {
        let trimmed = try noSpaces(text, field: field)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw ValidationError("\(field) must be an absolute URL such as https://example.com/scim/v2")
        }
        if scheme == "https" { return trimmed }
        if scheme == "http", ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased()) { return trimmed }
        throw ValidationError("\(field) must use https (plain http is allowed to a loopback address only)")
    }

    static func noSpaces(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains(where: \.isWhitespace) else { throw ValidationError("\(field) must not contain spaces") }
        return trimmed
    }

    static let nameIDFormats: [String: String] = [
        "unspecified": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
        "emailaddress": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
        "persistent": "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
        "transient": "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
    ]

    static func nameIDFormat(_ text: String) throws -> String {
        if let urn = nameIDFormats[text.lowercased()] { return urn }
        if nameIDFormats.values.contains(text) { return text }
        throw ValidationError("Name ID format must be one of unspecified, emailAddress, persistent, transient")
    }

    /// A parsable expression, stored in the form the Sign On tab reads back ("login" becomes "user.login").
    static func applicationUsername(_ text: String) throws -> String {
        let choice = ApplicationUsername(expression: text)
        if let problem = choice.problem { throw ValidationError("Application username \(problem)") }
        return choice.expression
    }
}
