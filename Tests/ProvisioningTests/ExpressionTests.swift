import Provisioning
import XCTest

final class ExpressionTests: XCTestCase {
    private let jose = ["firstName": "José", "lastName": "Núñez", "email": "jose.nunez@corp.com", "login": "Jose.Nunez@corp.com"]

    private func value(_ source: String, profile: [String: String]? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> ExpressionValue {
        let expression = try Expression.parse(source)
        return ExpressionEvaluator(profile: profile ?? jose).evaluate(expression)
    }

    private func parseError(_ source: String) -> ExpressionError? {
        do {
            _ = try Expression.parse(source)
            return nil
        } catch {
            return error
        }
    }

    func test_attributeReferenceReadsTheProfile() throws {
        XCTAssertEqual(try value("user.firstName"), .string("José"))
    }

    func test_missingAttributeIsNullNotACrash() throws {
        XCTAssertEqual(try value("user.department"), .null)
        XCTAssertEqual(try value("String.toUpperCase(user.department)"), .null)
    }

    func test_guideEmailTypeExpressionGivesWorkOnlyWithAnEmail() throws {
        let source = "(user.email != null && user.email != '') ? 'work' : ''"
        XCTAssertEqual(try value(source), .string("work"))
        XCTAssertEqual(try value(source, profile: ["email": ""]), .string(""))
        XCTAssertEqual(try value(source, profile: [:]), .string(""))
    }

    func test_concatenationJoinsStringsAndSkipsNull() throws {
        XCTAssertEqual(try value("user.firstName + \" \" + user.lastName"), .string("José Núñez"))
        XCTAssertEqual(try value("user.middleName + user.lastName"), .string("Núñez"))
    }

    func test_wordOperatorsAndNegation() throws {
        XCTAssertEqual(try value("user.email != null AND !(user.firstName == 'Bob')"), .bool(true))
        XCTAssertEqual(try value("user.nickName != null OR user.firstName == 'Bob'"), .bool(false))
    }

    func test_stringFunctions() throws {
        XCTAssertEqual(try value("String.toLowerCase(user.login)"), .string("jose.nunez@corp.com"))
        XCTAssertEqual(try value("String.substringBefore(user.email, '@')"), .string("jose.nunez"))
        XCTAssertEqual(try value("String.substringAfter(user.email, '@')"), .string("corp.com"))
        XCTAssertEqual(try value("String.substringAfter(user.email, '#')"), .string(""))
        XCTAssertEqual(try value("String.substring(user.firstName, 0, 2)"), .string("Jo"))
        XCTAssertEqual(try value("String.substring(user.firstName, 1, 99)"), .string("osé"))
        XCTAssertEqual(try value("String.replace(user.email, 'corp', 'example')"), .string("jose.nunez@example.com"))
        XCTAssertEqual(try value("String.join('-', user.firstName, user.lastName)"), .string("José-Núñez"))
        XCTAssertEqual(try value("String.len(user.lastName)"), .number(5))
        XCTAssertEqual(try value("String.stringContains(user.email, '@corp')"), .bool(true))
        XCTAssertEqual(try value("String.removeSpaces(' a b  c ')"), .string("abc"))
    }

    func test_nestedTernaryBindsToTheRight() throws {
        XCTAssertEqual(try value("user.x != null ? 'x' : user.firstName == 'José' ? 'j' : 'other'"), .string("j"))
    }

    func test_parseErrorNamesTheColumnAndWhatWasExpected() {
        let unclosed = parseError("user.firstName + (user.lastName")
        XCTAssertEqual(unclosed?.column, 32)
        XCTAssertEqual(unclosed?.message, "expected ')', found the end of the expression")

        let single = parseError("user.email = 'a'")
        XCTAssertEqual(single?.column, 12)
        XCTAssertTrue(single?.message.contains("'=='") ?? false)

        let string = parseError("user.firstName + 'abc")
        XCTAssertEqual(string?.column, 18)

        let unknown = parseError("String.shout(user.firstName)")
        XCTAssertEqual(unknown?.column, 1)
        XCTAssertTrue(unknown?.message.contains("unknown function 'String.shout'") ?? false)

        let arity = parseError("String.toLowerCase(user.a, user.b)")
        XCTAssertEqual(arity?.message, "String.toLowerCase takes 1 argument, got 2")

        XCTAssertEqual(parseError("appuser.firstName")?.message, "expected user.<attribute>, found 'appuser.firstName'")
        XCTAssertEqual(parseError("   ")?.message, "the expression is empty")
        XCTAssertEqual(parseError("user.a user.b")?.column, 8)
    }

    func test_referencedAttributesListsEachOnce() throws {
        let expression = try Expression.parse("(user.email != null && user.email != '') ? user.firstName : ''")
        XCTAssertEqual(expression.referencedAttributes, ["email", "firstName"])
    }
}
