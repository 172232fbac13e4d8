import Store
import XCTest

final class StoreLocationTests: XCTestCase {
    func test_defaultPathFollowsXDGDataHome() {
        XCTAssertEqual(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]), "/data/scimdeck/scimdeck.sqlite")
    }

    func test_relativeXDGDataHomeIsIgnoredAsTheSpecSays() {
        XCTAssertEqual(StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/a"]), "/home/a/.local/share/scimdeck/scimdeck.sqlite")
    }
}
