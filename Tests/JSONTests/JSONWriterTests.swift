import Foundation
import JSON
import XCTest

final class JSONWriterTests: XCTestCase {
    func test_writesCompactAndPrettyWithSortedKeys() {
        XCTAssertEqual(JSONValue.object(["b": 1, "a": ["x"], "c": [:], "d": []]).encodedText(), #"{"a":["x"],"b":1,"c":{},"d":[]}"#)
        XCTAssertEqual(JSONValue.object(["b": 1, "a": ["x"]]).encodedText(pretty: true), "{\n  \"a\" : [\n    \"x\"\n  ],\n  \"b\" : 1\n}")
        XCTAssertEqual(JSONValue.array([.double(2.5), .double(1500), .double(1e-5), true, nil]).encodedText(), "[2.5,1500.0,1e-05,true,null]")
    }

    /// Dictionary order depends on the process's hash seed and the table's size; the bytes must not.
    func test_sameObjectIsTheSameBytesWhateverOrderItsKeysWereInsertedIn() {
        let keys = (0..<40).map { "k\($0)" } + ["schemas", "userName", "Operations", "active"]
        var forward: JSONObject = [:]
        for (index, key) in keys.enumerated() { forward[key] = .int(index) }
        var backward = JSONObject(minimumCapacity: 512)
        for (index, key) in keys.enumerated().reversed() { backward[key] = .int(index) }
        let expected = "{" + keys.enumerated().sorted { $0.element < $1.element }.map { "\"\($0.element)\":\($0.offset)" }.joined(separator: ",") + "}"
        XCTAssertEqual(JSONValue.object(forward).encodedText(), expected)
        XCTAssertEqual(JSONValue.object(backward).encodedBytes(), JSONValue.object(forward).encodedBytes())
    }

    func test_theEscaperEscapesQuotesBackslashesAndControlsOnly() {
        XCTAssertEqual(JSONString.quoted("a\"b\\c\n\r\t\u{01}\u{08}\u{0C}\u{1F}/é😀\u{7F}\u{2028}"),
                       #""a\"b\\c\n\r\t\u0001\u0008\u000c\u001f/é😀"# + "\u{7F}\u{2028}\"")
        XCTAssertEqual(JSONString.quoted(""), #""""#)
        XCTAssertEqual(JSONValue.string("x\u{0}y").encodedText(), #""x\u0000y""#)
    }

    func test_nonFiniteDoublesBuiltByCodeAreNullAndAnInvalidLiteralIsAString() {
        XCTAssertEqual(JSONValue.array([.double(.infinity), .double(.nan)]).encodedText(), "[null,null]")
        XCTAssertEqual(JSONValue.numberLiteral("12e").encodedText(), #""12e""#)
        XCTAssertEqual(JSONValue.numberLiteral("1e400").encodedText(), "1e400")
    }

    func test_foundationReadsWhatTheWriterWrites() throws {
        let value: JSONValue = ["name": "a\"b\\c\n\u{01}é", "list": [1, .double(2.5), true, nil], "empty": [:], "none": []]
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: value.encoded()) as? [String: Any])
        XCTAssertEqual(object["name"] as? String, "a\"b\\c\n\u{01}é")
    }

    func test_anEncodableIsWrittenAsJSONEncoderWouldShapeIt() throws {
        struct Row: Encodable {
            var name: String
            var count: Int
            var missing: String?
            var when: Date
            var tags: [String]
            var nested: [String: Int]
            var big: UInt64
        }
        let row = Row(name: "ada", count: 3, missing: nil, when: Date(timeIntervalSince1970: 1_765_057_204), tags: ["a", "b"],
                      nested: ["z": 1], big: .max)
        XCTAssertEqual(try JSONValue(encoding: row).encodedText(),
                       #"{"big":18446744073709551615,"count":3,"name":"ada","nested":{"z":1},"tags":["a","b"],"when":"2025-12-06T21:40:04Z"}"#)
        XCTAssertEqual(try JSONValue(encoding: [Row]()).encodedText(), "[]")
        XCTAssertEqual(try JSONValue(encoding: ["k": JSONValue.numberLiteral("1e400")]).encodedText(), #"{"k":1e400}"#)
    }
}
