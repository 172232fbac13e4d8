import Foundation
import JSON
import XCTest

/// RFC 8259's edge cases, each with the decision the parser takes.
final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Data(text.utf8))
    }

    func test_parsesEveryKindOfValue() throws {
        let value = try parse(#" {"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "i": -42, "d": 1.5e3, "t": true, "f": false, "n": null, "a": [1, [], {}]} "#)
        XCTAssertEqual(value, [
            "s": .string("a\"b\\c/d\né😀"), "i": .int(-42), "d": .double(1500), "t": true, "f": false, "n": nil,
            "a": [1, .array([]), .object([:])],
        ])
        XCTAssertEqual(try parse("\u{FEFF}[\"bom\"]"), ["bom"])
        XCTAssertEqual(try parse(#""plain ünïcode""#), "plain ünïcode")
        XCTAssertEqual(try parse(#""\b\f\r\t""#), "\u{8}\u{C}\r\t")
    }

    func test_refusesWhatIsNotJSON() {
        for text in [#"{"a": 1"#, #"{"a": tru}"#, "[1,]", "01", "-01", "1.", ".5", "1e", "+1", "-", #"{"a" 1}"#, "{} {}", "", "<html>",
                     "\"a\u{01}\"", #""\x""#, #""\u12""#, #""\u12g4""#, "NaN", "Infinity", "[1 2]", #"{"a":1,}"#, "'a'",
                     #"{"totalResults": 1, "Resources": [{"id": "4e4c"#] {
            XCTAssertThrowsError(try parse(text), text)
        }
    }

    func test_surrogatePairsAreJoinedAndLoneSurrogatesRefused() throws {
        XCTAssertEqual(try parse(#""\uD834\uDD1E""#), "𝄞")
        for text in [#""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800x""#, #""\udbff\udbff""#, #""a\ude00b""#] {
            XCTAssertThrowsError(try parse(text), text)
        }
    }

    func test_bytesThatAreNotUTF8AreRefusedNotReplaced() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x5B, 0xFE, 0x5D]] {
            XCTAssertThrowsError(try JSONValue.parse(Data(bytes)), "\(bytes)")
        }
        XCTAssertEqual(try JSONValue.parse(Data([0x22, 0xC3, 0xA9, 0x22])), "é")
    }

    func test_nestingIsLimitedTo512Levels() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try parse(deepest))
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        XCTAssertThrowsError(try parse(tooDeep)) { error in
            XCTAssertTrue("\(error)".contains("512"), "\(error)")
        }
        // Far past the limit is refused the same way, not a stack overflow.
        XCTAssertThrowsError(try parse(String(repeating: #"{"a":"#, count: 100_000)))
    }

    /// RFC 8259 §4 leaves duplicate names open: the last one wins, as in JavaScript, Python and Foundation.
    func test_aDuplicateMemberNameKeepsTheLastValue() throws {
        XCTAssertEqual(try parse(#"{"active": true, "active": false}"#), ["active": false])
    }

    func test_integersThatFitAreInt() throws {
        XCTAssertEqual(try parse("0"), .int(0))
        XCTAssertEqual(try parse("-0"), .int(0))
        XCTAssertEqual(try parse("9223372036854775807"), .int(Int.max))
        XCTAssertEqual(try parse("-9223372036854775808"), .int(Int.min))
        XCTAssertEqual(try parse("123456789012345678"), .int(123_456_789_012_345_678))
    }

    /// A number is never turned into infinity, zero or null: what neither Int nor Double holds keeps its text.
    func test_numbersNeitherIntNorDoubleHoldKeepTheirLiteral() throws {
        for literal in ["1e400", "-1e400", "1E+999", "1e-400", "-2.5e-999", "9223372036854775808", "-9223372036854775809",
                        "12345678901234567890", "123456789012345678901234567890"] {
            let value = try parse(literal)
            XCTAssertEqual(value, .numberLiteral(literal), literal)
            XCTAssertEqual(value.encodedText(), literal, literal)
            XCTAssertEqual(try parse("[\(literal)]").encodedText(), "[\(literal)]", literal)
        }
        XCTAssertEqual(try parse("0e-400"), .double(0), "zero is zero at any exponent")
        XCTAssertEqual(try parse("1.7976931348623157e308"), .double(.greatestFiniteMagnitude))
        XCTAssertEqual(try parse("5e-324"), .double(.leastNonzeroMagnitude))
    }

    func test_errorsSayTheLineAndColumn() {
        XCTAssertThrowsError(try parse("{\n  \"a\": 1,\n  \"b\" 2\n}")) { error in
            guard let error = error as? JSONValue.ParseError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.line, 3)
            XCTAssertEqual(error.column, 7)
            XCTAssertEqual(error.description, "expected ':' at line 3, column 7 (byte 18)")
        }
    }
}
