import Provisioning
import SCIM
import XCTest

final class ProfileEncoderTests: XCTestCase {
    private let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    func test_pathsParseSimpleComplexFilteredAndExtensionAttributes() throws {
        XCTAssertEqual(SCIMAttributePath("userName")?.attribute, "userName")
        let given = try XCTUnwrap(SCIMAttributePath("name.givenName"))
        XCTAssertEqual([given.attribute, given.subAttribute], ["name", "givenName"])
        XCTAssertEqual(SCIMAttributePath("emails[primary].value")?.selector, .primary)
        XCTAssertEqual(SCIMAttributePath("phoneNumbers[type eq \"work\"].value")?.selector, .typeEquals("work"))
        let department = try XCTUnwrap(SCIMAttributePath("\(enterprise):department"))
        XCTAssertEqual(department.schemaURN, enterprise)
        XCTAssertEqual(department.attribute, "department")
        XCTAssertNil(SCIMAttributePath("emails[primary.value"))
        XCTAssertNil(SCIMAttributePath("emails[value sw \"x\"].value"))
    }

    func test_newUserCarriesEveryNonNullMappedValueInItsPlace() throws {
        let profile = MappedProfile(values: [
            ("userName", "zoe@corp.example"), ("name.givenName", "Zoë"), ("name.familyName", nil),
            ("emails[primary].value", "zoe@corp.example"), ("emails[primary].type", "work"),
            ("phoneNumbers[type eq \"work\"].value", "+33 1 23"), ("\(enterprise):department", "R&D"),
        ])
        let user = ProfileEncoder.newUser(profile)
        XCTAssertEqual(user.userName, "zoe@corp.example")
        XCTAssertTrue(user.active)
        XCTAssertEqual(user.name?.attributes, ["givenName": .string("Zoë")])
        XCTAssertEqual(user[attribute: "emails"], .array([.object(["primary": .bool(true), "value": .string("zoe@corp.example"), "type": .string("work")])]))
        XCTAssertEqual(user[attribute: "phoneNumbers"], .array([.object(["type": .string("work"), "value": .string("+33 1 23")])]))
        XCTAssertEqual(user[attribute: enterprise], .object(["department": .string("R&D")]))
        XCTAssertEqual(user.schemas, [SCIMSchemaURN.user, enterprise])
        for (attribute, value) in profile.values {
            XCTAssertEqual(ProfileEncoder.value(at: attribute, in: user), value, attribute)
        }
    }

    func test_mergeIntoTheAppsCopyKeepsWhatIsNotMappedAndDropsWhatBecameNull() {
        var user = SCIMUser(attributes: [
            "schemas": .array([.string(SCIMSchemaURN.user)]), "id": .string("u1"), "userName": .string("zoe@corp.example"),
            "title": .string("Staff Engineer"),
            "name": .object(["givenName": .string("Zoe"), "middleName": .string("M")]),
            "emails": .array([.object(["value": .string("old@corp.example"), "primary": .bool(true)]), .object(["value": .string("home@example.com"), "type": .string("home")])]),
        ])
        ProfileEncoder.apply(MappedProfile(values: [("name.givenName", "Zoë"), ("emails[primary].value", "zoe@corp.example"), ("title", nil)]), to: &user)
        XCTAssertEqual(user.name?.attributes, ["givenName": .string("Zoë"), "middleName": .string("M")])
        XCTAssertEqual(user.emails.count, 2)
        XCTAssertEqual(user.primaryEmail, "zoe@corp.example")
        XCTAssertNil(user[attribute: "title"])
        XCTAssertEqual(user.id, "u1")
    }

    func test_aStoredPlainMultiValuedPathIsStillEncodedAsAnArray() {
        let user = ProfileEncoder.newUser(MappedProfile(values: [("userName", "zoe"), ("emails.value", "zoe@corp.example")]))
        XCTAssertEqual(user[attribute: "emails"], .array([.object(["primary": .bool(true), "value": .string("zoe@corp.example")])]))
        XCTAssertEqual(ProfileEncoder.value(at: "emails.value", in: user), "zoe@corp.example")
    }

    func test_emptyOrBlankMappedValuesAreLeftOutOfACreate() {
        let profile = MappedProfile(values: [
            ("userName", "zoe"), ("name.givenName", "  "), ("name.familyName", "Ødegaard"),
            ("emails[primary].value", ""), ("emails[primary].type", ""), ("title", "\t"),
        ])
        let user = ProfileEncoder.newUser(profile)
        XCTAssertNil(user[attribute: "emails"])
        XCTAssertNil(user[attribute: "title"])
        XCTAssertEqual(user.name?.attributes, ["familyName": .string("Ødegaard")])
    }

    func test_emptyMappedValueRemovesWhatTheAppHeldOnAMerge() {
        var user = SCIMUser(attributes: [
            "schemas": .array([.string(SCIMSchemaURN.user)]), "id": .string("u1"), "userName": .string("zoe"), "title": .string("Staff"),
            "emails": .array([.object(["value": .string("old@corp.example"), "type": .string("work"), "primary": .bool(true)])]),
        ])
        ProfileEncoder.apply(MappedProfile(values: [("emails[primary].value", ""), ("emails[primary].type", ""), ("title", " ")]), to: &user)
        XCTAssertNil(user[attribute: "emails"])
        XCTAssertNil(user[attribute: "title"])
        XCTAssertEqual(user.userName, "zoe")
    }
}

final class PatchPathTests: XCTestCase {
    func test_plainPathsIntoMultiValuedAttributesGetAnElementSelector() {
        func normalized(_ text: String) -> String? { SCIMAttributePath(text)?.normalizedForUser.mappingText }
        XCTAssertEqual(normalized("emails.value"), "emails[primary].value")
        XCTAssertEqual(normalized("Emails"), "emails[primary].value")
        XCTAssertEqual(normalized("phoneNumbers.value"), "phoneNumbers[primary].value")
        XCTAssertEqual(normalized("addresses.locality"), #"addresses[type eq "work"].locality"#)
        XCTAssertEqual(normalized("urn:ietf:params:scim:schemas:core:2.0:User:emails.value"), "emails[primary].value")
        XCTAssertEqual(normalized(#"emails[type eq "home"].value"#), #"emails[type eq "home"].value"#, "a selector is kept")
        XCTAssertEqual(normalized("name.givenName"), "name.givenName", "single-valued paths are kept")
        XCTAssertEqual(normalized("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"),
                       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")
    }

    func test_patchPathsAreWrittenInRFC7644FilterSyntax() {
        XCTAssertEqual(SCIMAttributePath("emails[primary].value")?.patchPath, "emails[primary eq true].value")
        XCTAssertEqual(SCIMAttributePath("phoneNumbers[type eq \"work\"].value")?.patchPath, "phoneNumbers[type eq \"work\"].value")
        XCTAssertEqual(SCIMAttributePath("name.givenName")?.patchPath, "name.givenName")
        XCTAssertEqual(SCIMAttributePath("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")?.patchPath,
                       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")
    }
}
