import Foundation
import SCIM
import XCTest

/// The hand-written JSON parser and writer that carry every SCIM body.
final class JSONValueTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Data(text.utf8))
    }

    func test_parsesEveryKindOfValue() throws {
        let value = try parse(#" {"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "i": -42, "d": 1.5e3, "t": true, "f": false, "n": null, "a": [1, [], {}], "big": 12345678901234567890} "#)
        XCTAssertEqual(value["s"], .string("a\"b\\c/d\né😀"))
        XCTAssertEqual(value["i"], .int(-42))
        XCTAssertEqual(value["d"], .double(1500))
        XCTAssertEqual(value["t"], .bool(true))
        XCTAssertEqual(value["f"], .bool(false))
        XCTAssertEqual(value["n"], .null)
        XCTAssertEqual(value["a"], .array([.int(1), .array([]), .object([:])]))
        XCTAssertEqual(value["big"], .double(1.2345678901234567e19))
        XCTAssertEqual(try parse("\u{FEFF}[\"bom\"]"), .array(["bom"]))
        XCTAssertEqual(try parse(#""plain ünïcode""#), .string("plain ünïcode"))
    }

    func test_refusesWhatIsNotJSON() {
        for text in [#"{"a": 1"#, #"{"a": tru}"#, "[1,]", "01", "1.", #"{"a" 1}"#, #"["\ud800"]"#, "{} {}", "", "<html>", "\"a\u{01}\"", #"{"totalResults": 1, "Resources": [{"id": "4e4c"#] {
            XCTAssertThrowsError(try parse(text), text)
        }
    }

    func test_writerRoundTripsAndEscapes() throws {
        let value: JSONValue = ["name": "a\"b\\c\n\u{01}é", "list": [1, .double(2.5), true, nil], "empty": [:], "none": []]
        let compact = value.encoded()
        XCTAssertEqual(try JSONValue.parse(compact), value)
        // Foundation reads what we write, too.
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: compact))
        XCTAssertEqual(String(decoding: JSONValue.object(["b": 1, "a": ["x"]]).encoded(pretty: true), as: UTF8.self),
                       "{\n  \"a\": [\n    \"x\"\n  ],\n  \"b\": 1\n}")
        XCTAssertEqual(String(decoding: JSONValue.string("\u{01}").encoded(), as: UTF8.self), #""\u0001""#)
    }

    /// Dictionary order depends on the process's hash seed and the table's size; the bytes must not.
    func test_sameObjectIsTheSameBytesWhateverOrderItsKeysWereInsertedIn() {
        let keys = (0..<40).map { "k\($0)" } + ["schemas", "userName", "Operations", "active"]
        var forward: JSONObject = [:]
        for (index, key) in keys.enumerated() { forward[key] = .int(index) }
        var backward = JSONObject(minimumCapacity: 512)
        for (index, key) in keys.enumerated().reversed() { backward[key] = .int(index) }
        let expected = "{" + keys.enumerated().sorted { $0.element < $1.element }.map { "\"\($0.element)\":\($0.offset)" }.joined(separator: ",") + "}"
        XCTAssertEqual(String(decoding: JSONValue.object(forward).encoded(), as: UTF8.self), expected)
        XCTAssertEqual(JSONValue.object(backward).encoded(), JSONValue.object(forward).encoded())
    }

    func test_patchBodyIsWrittenWithSortedKeysAtEveryLevel() {
        let body = SCIMPatchRequest([.replaceGroupName(id: "g1", displayName: "Sales"), .addMembers(["u1"], displays: ["u1": "a@corp.example"])]).json
        XCTAssertEqual(String(decoding: body.encoded(), as: UTF8.self),
                       #"{"Operations":[{"op":"replace","value":{"displayName":"Sales","id":"g1"}},{"op":"add","path":"members","value":[{"display":"a@corp.example","value":"u1"}]}],"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}"#)
    }
}
