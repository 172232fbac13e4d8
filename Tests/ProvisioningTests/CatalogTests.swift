import Provisioning
import XCTest

final class CatalogTests: XCTestCase {
    func test_axiadCloudDefaultsFollowTheGuide() throws {
        let axiad = try XCTUnwrap(Catalog.entry(named: "axiad cloud"))
        let byAttribute = Dictionary(uniqueKeysWithValues: axiad.defaultMappings.map { ($0.attribute, $0) })
        XCTAssertEqual(byAttribute["userName"]?.expression, "user.email")
        XCTAssertEqual(byAttribute["userName"]?.isEditable, false)
        // The guide's table says `giveName user.lastName`: a typo; givenName comes from firstName.
        XCTAssertEqual(byAttribute["name.givenName"]?.expression, "user.firstName")
        XCTAssertEqual(byAttribute["name.familyName"]?.expression, "user.lastName")
        XCTAssertNotNil(axiad.syncPasswordUnsupportedReason)
        XCTAssertTrue(axiad.userNamesAreCaseInsensitive)
        XCTAssertEqual(axiad.defaultProfile, .okta)
        XCTAssertEqual(axiad.stacks.map(\.name), ["production", "demo-test"])
    }

    func test_everyDefaultMappingParses() throws {
        for entry in Catalog.entries {
            for mapping in entry.defaultMappings {
                XCTAssertNoThrow(try Expression.parse(mapping.expression), "\(entry.name) \(mapping.attribute)")
            }
        }
    }

    func test_searchAsYouTypeIgnoresCase() {
        XCTAssertEqual(Catalog.search("axi").map(\.name), ["Axiad Cloud"])
        XCTAssertEqual(Catalog.search("SCIM").map(\.name), ["Generic SCIM 2.0"])
        XCTAssertEqual(Catalog.search("").count, Catalog.entries.count)
        XCTAssertTrue(Catalog.search("salesforce").isEmpty)
    }
}
