import ArgumentParser
import Foundation
import Provisioning
import SAML

/// The field checks of the Sign On and Integration forms, for the command line.
enum SettingValidation {
    /// An absolute https URL; plain http only to a loopback host (the Sign On form's rule).
    static func url(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let problem = SignOnFieldRules.urlProblem(trimmed) { throw ValidationError("\(field) \(problem)") }
        return trimmed
    }

    static func audience(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let problem = SignOnFieldRules.audienceProblem(trimmed) { throw ValidationError("Audience URI \(problem)") }
        return trimmed
    }

    static func relayState(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let problem = SignOnFieldRules.relayStateProblem(trimmed) { throw ValidationError("Default Relay State \(problem)") }
        return trimmed
    }

    /// A short name (any case) or the URN itself.
    static func nameIDFormat(_ text: String) throws -> String {
        if let choice = NameIDFormatChoice.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() || $0.urn == text }) {
            return choice.urn
        }
        throw ValidationError("Name ID format must be one of \(NameIDFormatChoice.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    /// `NAME=EXPRESSION`, the expression parsed now so a typo is caught before a preview.
    static func attributeStatement(_ text: String) throws -> AttributeStatement {
        guard let equals = text.firstIndex(of: "="), !text[..<equals].trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--attribute-statement \(text): write it as NAME=EXPRESSION, e.g. email=user.email")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let expression = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        do {
            _ = try Expression.parse(expression)
        } catch {
            throw ValidationError("--attribute-statement \(name): the expression does not parse: \(error)")
        }
        return AttributeStatement(name: name, expression: expression)
    }

    /// A parsable expression, stored in the form the Sign On tab reads back ("login" becomes "user.login").
    static func applicationUsername(_ text: String) throws -> String {
        let choice = ApplicationUsername(expression: text)
        if let problem = choice.problem { throw ValidationError("Application username \(problem)") }
        return choice.expression
    }

    /// What Okta's client calls itself; some apps let in only that.
    static let oktaUserAgent = "Okta SCIM Client 1.0.0"
    static let maxConcurrency = 64

    /// Printable text of at most 200 characters, or `default` (nil: scimdeck's own). An HTTP header
    /// cannot carry a line break, and a control character would be sent as it is.
    static func userAgent(_ text: String) throws -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "default" { return nil }
        guard !trimmed.isEmpty, trimmed.count <= 200 else { throw ValidationError("User-Agent must be 1 to 200 characters, or \"default\"") }
        guard trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
            throw ValidationError("User-Agent must be printable ASCII (no control characters or line breaks)")
        }
        return trimmed
    }

    /// A whole number from 1 to `maxConcurrency`, or `default` (nil: 4).
    static func concurrency(_ text: String) throws -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "default" { return nil }
        guard let count = Int(trimmed), (1...maxConcurrency).contains(count) else {
            throw ValidationError("--concurrency must be a whole number from 1 to \(maxConcurrency), or \"default\"")
        }
        return count
    }
}
