import Foundation
import SAML
import XCTest

/// The Sign On settings' expressions turned into one person's Name ID and attributes. The expression
/// language lives in Provisioning; here a person is a profile and an expression is `user.<name>` or
/// `groups`, which is all these tests need to see values, multi-values and failures pass through.
final class SignOnSubjectTests: XCTestCase {
    private struct UnknownExpression: Error, CustomStringConvertible {
        let column: Int
        var description: String { "column \(column): expected user.<attribute>" }
    }

    private let profile = ["login": "alice.ng", "email": "alice.ng@example.com", "firstName": "Alice", "blank": " "]
    private let groups = ["Engineering", "Sales"]

    private func evaluate(_ expression: String) throws -> [String] {
        if expression == "groups" { return groups }
        guard expression.hasPrefix("user.") else { throw UnknownExpression(column: 1) }
        return profile[String(expression.dropFirst(5))].map { [$0] } ?? []
    }

    private func settings(username: String = SignOnSettings.defaultApplicationUsername, statements: [AttributeStatement] = []) -> SignOnSettings {
        var settings = SAMLFixture.settings
        settings.applicationUsername = username
        settings.attributeStatements = statements
        return settings
    }

    func test_defaultUsernameIsTheLoginAndStatementsKeepTheirOrderAndFormats() throws {
        let subject = try settings(statements: [
            AttributeStatement(name: "email", nameFormat: .basic, expression: "user.email"),
            AttributeStatement(name: "groups", nameFormat: .uri, expression: "groups"),
            AttributeStatement(name: "department", expression: "user.department"),
        ]).subject(evaluate: evaluate)
        XCTAssertEqual(subject.nameID, "alice.ng")
        XCTAssertEqual(subject.attributes, [
            SAMLAttribute(name: "email", nameFormat: .basic, values: ["alice.ng@example.com"]),
            SAMLAttribute(name: "groups", nameFormat: .uri, values: ["Engineering", "Sales"]),
            SAMLAttribute(name: "department", nameFormat: .unspecified, values: []),
        ])
    }

    func test_usernameExpressionChoosesTheNameID() throws {
        XCTAssertEqual(try settings(username: "user.email").subject(evaluate: evaluate).nameID, "alice.ng@example.com")
    }

    func test_unreadableExpressionNamesTheSettingAndTheReason() throws {
        XCTAssertThrowsError(try settings(username: "email(").subject(evaluate: evaluate)) { error in
            XCTAssertEqual(error as? SAMLError, .invalidExpression(
                field: "application username", expression: "email(", reason: "column 1: expected user.<attribute>"
            ))
            XCTAssertTrue(String(describing: error).contains("application username expression \"email(\""), "\(error)")
        }
        let statement = AttributeStatement(name: "mail", expression: "mail")
        XCTAssertThrowsError(try settings(statements: [statement]).subject(evaluate: evaluate)) { error in
            guard case let SAMLError.invalidExpression(field, _, _) = error else { return XCTFail("got \(error)") }
            XCTAssertEqual(field, "attribute statement \"mail\"")
        }
        XCTAssertThrowsError(try settings(statements: [AttributeStatement(name: "x", expression: " ")]).subject(evaluate: evaluate)) { error in
            XCTAssertEqual(error as? SAMLError, .invalidExpression(field: "attribute statement \"x\"", expression: " ", reason: "it is empty"))
        }
    }

    func test_personWithoutAUsernameGetsNoAssertion() throws {
        for username in ["user.missing", "user.blank"] {
            XCTAssertThrowsError(try settings(username: username).subject(evaluate: evaluate)) { error in
                XCTAssertEqual(error as? SAMLError, .emptyNameID, username)
            }
        }
    }

    func test_namelessStatementIsReported() throws {
        XCTAssertThrowsError(try settings(statements: [AttributeStatement(name: " ", expression: "user.email")]).subject(evaluate: evaluate)) { error in
            XCTAssertEqual(error as? SAMLError, .emptyAttributeName)
        }
    }

    func test_expressionsRoundTripThroughJSON() throws {
        let original = settings(username: "user.email", statements: [AttributeStatement(name: "groups", nameFormat: .basic, expression: "groups")])
        let decoded = try JSONDecoder().decode(SignOnSettings.self, from: JSONEncoder().encode(original))
        XCTAssertEqual(decoded, original)
        let defaults = try JSONDecoder().decode(SignOnSettings.self, from: Data(#"{"acsURL": "https://a.example.com/acs", "audience": "a"}"#.utf8))
        XCTAssertEqual(defaults.applicationUsername, "user.login")
        XCTAssertEqual(defaults.attributeStatements, [])
    }

    /// The evaluated subject signs into a Response the real SP accepts with the same values.
    func test_evaluatedSubjectIsWhatTheServiceProviderReceives() throws {
        let settings = settings(username: "user.email", statements: [AttributeStatement(name: "groups", nameFormat: .basic, expression: "groups")])
        let preview = try SAMLFixture.builder().preview(settings: settings, evaluate: evaluate)
        let directory = try TestDirectory()
        let files = try SAMLFixture.writeFiles(preview: preview, into: directory.url)
        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: files.response, metadata: files.metadata, settings: settings)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertEqual(check.json["ok"] as? Bool, true, output)
            XCTAssertEqual(check.json["nameID"] as? String, "alice.ng@example.com", output)
            XCTAssertEqual(check.json["attributes"] as? [String: [String]], ["groups": ["Engineering", "Sales"]], output)
        }
    }
}
