import Foundation
import Store
import XCTest

final class AttributesCodingTests: StoreTestCase {
    /// Attributes go through the hand-written JSON encoder and back through JSONDecoder.
    func test_attributesWithQuotesControlsAndNonASCIIRoundTrip() throws {
        let attributes = [
            "title": #"He said "hi" \ left"#, "note": "line one\nline two\r\ttab\u{01}bell",
            "名前": "李小龙", "url": "https://example.com/a/b", "empty": "",
        ]
        let store = try openStore()
        try store.directory.addPerson(Person(login: "a@example.com", attributes: attributes))
        XCTAssertEqual(try openStore().directory.person(login: "a@example.com")?.attributes, attributes)
    }
}
