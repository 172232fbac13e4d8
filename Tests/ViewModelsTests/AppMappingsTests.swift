import Provisioning
import SCIM
import Store
import XCTest

/// The rules `scimdeck mapping` and the Attribute Mappings screen share.
final class AppMappingsTests: XCTestCase {
    func test_anAppWithNoStoredMappingsKeepsTheCatalogDefaultsWhenOneIsChanged() throws {
        let store = try ScimdeckStore()
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "Bare"), signOn: SignOnSettings(appId: 0),
                                     provisioning: ProvisioningSettings(appId: 0), mappings: [])
        let mappings = AppMappings(store: store, app: app)
        XCTAssertEqual(try mappings.list(), Catalog.axiadCloud.defaultMappings, "the planner's defaults are what is listed")
        try mappings.set(attribute: "name.familyName", expression: "String.toUpperCase(user.lastName)")
        let stored = try store.records(Store.AttributeMapping.self).all(appId: try XCTUnwrap(app.id))
        XCTAssertEqual(stored.map(\.scimAttribute), Catalog.axiadCloud.defaultMappings.map(\.attribute))
        XCTAssertEqual(stored[2].expression, "String.toUpperCase(user.lastName)")
    }

    func test_attributesMatchWhateverTheirCase() throws {
        let store = try ScimdeckStore()
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "A"), signOn: SignOnSettings(appId: 0),
                                     provisioning: ProvisioningSettings(appId: 0), mappings: [])
        let mappings = AppMappings(store: store, app: app)
        XCTAssertThrowsError(try mappings.set(attribute: "USERNAME", expression: "user.login")) { error in
            XCTAssertEqual(error as? MappingChangeError, .notEditable(attribute: "USERNAME", appName: "Axiad Cloud"))
        }
        try mappings.set(attribute: "Name.GivenName", expression: "user.nickName")
        XCTAssertEqual(try mappings.list().count, 5, "replaced, not added")
        try mappings.unset(attribute: "NAME.GIVENNAME")
        XCTAssertEqual(try mappings.list().map(\.attribute), ["userName", "name.familyName", "emails[primary].value", "emails[primary].type"])
    }

    func test_genericSCIMLetsUserNameBeEdited() throws {
        let store = try ScimdeckStore()
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.genericSCIM.id, label: "HR"), signOn: SignOnSettings(appId: 0),
                                     provisioning: ProvisioningSettings(appId: 0), mappings: [])
        let mappings = AppMappings(store: store, app: app)
        XCTAssertTrue(mappings.isEditable("userName"))
        XCTAssertEqual(try mappings.set(attribute: "userName", expression: "user.email").expression, "user.email")
    }

    func test_previewGivesNullForAMissingAttributeAndTheErrorForABadExpression() {
        let profile = ["firstName": "Zoë"]
        XCTAssertEqual(MappingPreview.evaluate(attribute: "a", expression: "user.firstName", profile: profile).value, "Zoë")
        let missing = MappingPreview.evaluate(attribute: "a", expression: "user.title", profile: profile)
        XCTAssertNil(missing.value)
        XCTAssertNil(missing.error)
        let bad = MappingPreview.evaluate(attribute: "a", expression: "user.firstName ==", profile: profile)
        XCTAssertNil(bad.value)
        XCTAssertEqual(bad.error?.column, 18)
    }

    func test_passwordIsRefusedForEveryCatalogEntryWithoutPasswordSync() throws {
        let store = try ScimdeckStore()
        for entry in Catalog.entries where entry.syncPasswordUnsupportedReason != nil {
            let app = try store.apps.add(AppIntegration(catalogEntry: entry.id, label: entry.id), signOn: SignOnSettings(appId: 0),
                                         provisioning: ProvisioningSettings(appId: 0), mappings: [])
            let mappings = AppMappings(store: store, app: app)
            for attribute in ["password", "Password", "\(SCIMSchemaURN.user):password"] {
                XCTAssertThrowsError(try mappings.set(attribute: attribute, expression: "user.login"), attribute) { error in
                    XCTAssertEqual(error as? MappingChangeError,
                                   .refusedByApp(attribute: attribute, appName: entry.name, reason: entry.syncPasswordUnsupportedReason ?? ""))
                }
            }
            XCTAssertFalse(try mappings.list().contains { $0.attribute.lowercased().hasSuffix("password") })
        }
    }
}
