import Foundation
import JSON
import SCIM
import XCTest

/// How SCIM reads and writes the JSON module's values (the parser and writer are tested in JSONTests).
final class JSONValueTests: XCTestCase {
    func test_membersAreFoundIgnoringCaseAndStringNumbersAndBooleansAreRead() throws {
        let value = try JSONValue.parse(Data(#"{"UserName": "ada", "totalResults": "3", "active": "False", "count": 2.0}"#.utf8))
        XCTAssertEqual(value["userName"], "ada")
        XCTAssertEqual(value["totalresults"]?.intValue, 3)
        XCTAssertEqual(value["active"]?.boolValue, false)
        XCTAssertEqual(value["count"]?.intValue, 2)
    }

    /// A GET → PUT round trip keeps a number scimdeck cannot hold as it came, not as infinity or null.
    func test_aNumberPastDoubleSurvivesARoundTripThroughAResource() throws {
        let json = try JSONValue.parse(Data(#"{"userName": "ada", "urn:example:ext": {"score": 1e400, "id": 12345678901234567890}}"#.utf8))
        let user = SCIMUser(attributes: try XCTUnwrap(json.objectValue))
        XCTAssertEqual(String(decoding: JSONValue.object(user.attributes).encoded(), as: UTF8.self),
                       #"{"urn:example:ext":{"id":12345678901234567890,"score":1e400},"userName":"ada"}"#)
    }

    func test_patchBodyIsWrittenWithSortedKeysAtEveryLevel() {
        let body = SCIMPatchRequest([.replaceGroupName(id: "g1", displayName: "Sales"), .addMembers(["u1"], displays: ["u1": "a@corp.example"])]).json
        XCTAssertEqual(String(decoding: body.encoded(), as: UTF8.self),
                       #"{"Operations":[{"op":"replace","value":{"displayName":"Sales","id":"g1"}},{"op":"add","path":"members","value":[{"display":"a@corp.example","value":"u1"}]}],"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}"#)
    }

    func test_filterValuesAreQuotedByTheJSONEscaper() {
        XCTAssertEqual(SCIMFilter.equals("userName", "a\"b\\c\u{1}"), #"userName eq "a\"b\\c\u0001""#)
    }
}
