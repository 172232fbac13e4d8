import Provisioning
import Store
import TestSupport
import ViewModels
import XCTest

/// Attribute Mappings: the list, fixed userName, editing with live validation and preview, Show
/// Unmapped Attributes from the provider's /Schemas or the standard list, through the runner.
final class AttributeMappingsViewModelTests: XCTestCase {
    private func loaded(_ world: TabWorld) async -> AttributeMappingsViewModel {
        var model = AttributeMappingsViewModel()
        await world.runner.send(.appear, to: &model)
        return model
    }

    private func select(_ attribute: String, in model: inout AttributeMappingsViewModel) throws {
        let index = try XCTUnwrap(model.rows.firstIndex { $0.attribute == attribute })
        _ = model.send(.select(index))
    }

    func test_anAnswerToAnEarlierPersonSearchIsDropped() {
        var model = AttributeMappingsViewModel()
        let jose = PreviewPerson(login: "jose", displayName: "José Núñez", profile: [:])
        let joan = PreviewPerson(login: "joan", displayName: "Joan", profile: [:])
        _ = model.send(.searchPeople("jo"))
        _ = model.send(.searchPeople("jos"))
        _ = model.send(.peopleFound(filter: "jos", [jose]))
        _ = model.send(.peopleFound(filter: "jo", [jose, joan]))
        XCTAssertEqual(model.people, [jose], "the late answer for “jo” does not replace the one for “jos”")
        XCTAssertTrue(model.peopleAreCurrent)
        _ = model.send(.searchPeople("josé"))
        XCTAssertFalse(model.peopleAreCurrent, "the list answers “jos” until “josé” is answered")
    }

    func test_listShowsTheCatalogMappingsWithUserNameFixed() async throws {
        let model = await loaded(try TabWorld())
        XCTAssertEqual(model.phase, .ready)
        XCTAssertEqual(model.rows.map(\.attribute), ["userName", "name.givenName", "name.familyName", "emails[primary].value", "emails[primary].type"])
        XCTAssertEqual(model.rows.map(\.expression)[1], "user.firstName")
        XCTAssertEqual(model.rows.map(\.applyOnLabel), Array(repeating: "Create, Update", count: 5))
        XCTAssertEqual(model.rows[0].fixedNote, "fixed by Axiad Cloud")
        XCTAssertEqual(model.rows.filter(\.isEditable).count, 4)
    }

    func test_userNameCannotBeEditedNorRemoved() async throws {
        let world = try TabWorld()
        var model = await loaded(world)
        try select("userName", in: &model)
        XCTAssertEqual(model.send(.editSelected), [])
        XCTAssertNil(model.draft)
        XCTAssertEqual(model.notice, "userName is fixed by Axiad Cloud and cannot be edited.")
        XCTAssertEqual(model.send(.removeSelected), [])
        XCTAssertEqual(model.notice, "userName is fixed by Axiad Cloud and cannot be removed.")
        // Even an effect sent past the view model is refused by the store side.
        let intent = await world.runner.run(AttributeMappingsViewModel.Effect.saveMapping(attribute: "username", expression: "user.login", applyOn: .createAndUpdate))
        XCTAssertEqual(intent, .mappingFailed("username is fixed by Axiad Cloud and cannot be changed"))
    }

    func test_aParseErrorNamesTheColumnAndBlocksSave() async throws {
        let world = try TabWorld()
        var model = await loaded(world)
        try select("name.givenName", in: &model)
        _ = model.send(.editSelected)
        XCTAssertEqual(model.draft?.expression, "user.firstName")
        XCTAssertTrue(model.draft?.isValid ?? false)
        XCTAssertFalse(model.hasUnsavedChanges)

        _ = model.send(.editExpression("user.firstName + "))
        XCTAssertTrue(model.hasUnsavedChanges)
        let error = try XCTUnwrap(model.draft?.error)
        XCTAssertEqual(error.column, 18)
        XCTAssertEqual(model.draft?.errorText, "Invalid expression at column 18: \(error.message)")
        XCTAssertEqual(model.send(.saveDraft), [])
        XCTAssertEqual(model.notice, "Not saved: Invalid expression at column 18: \(error.message)")

        _ = model.send(.editExpression("substringBefore(user.email, '@'"))
        XCTAssertNotNil(model.draft?.error)
        _ = model.send(.editExpression("user.firstName + ' ' + user.lastName"))
        XCTAssertNil(model.draft?.error)

        _ = model.send(.cancelDraft)
        XCTAssertNil(model.draft)
        XCTAssertEqual(try AppMappings(store: world.store, app: world.app).list()[1].expression, "user.firstName", "cancel stores nothing")
    }

    func test_livePreviewForAPersonWithANonASCIIName() async throws {
        let world = try TabWorld()
        var model = await loaded(world)
        XCTAssertEqual(model.people.map(\.login), ["jose.nunez@corp.example", "xiaolong.li@corp.example", "zoe.odegaard@corp.example"])
        await world.runner.send(.searchPeople("núñez"), to: &model)
        XCTAssertEqual(model.people.map(\.label), ["José Núñez (jose.nunez@corp.example)"])
        await world.runner.send(.pickPerson(login: "JOSE.NUNEZ@corp.example"), to: &model)
        XCTAssertEqual(model.previewPerson?.displayName, "José Núñez")
        XCTAssertEqual(model.previewLine, #"userName "jose.nunez@corp.example", name.givenName "José", name.familyName "Núñez", emails[primary].value "jose.nunez@corp.example", emails[primary].type "work""#)

        try select("name.givenName", in: &model)
        _ = model.send(.editSelected)
        XCTAssertEqual(model.draftPreview, #""José""#)
        _ = model.send(.editExpression("String.toUpperCase(user.firstName) + ' ' + user.lastName"))
        XCTAssertEqual(model.draftPreview, #""JOSÉ Núñez""#)
        _ = model.send(.editExpression("user.nickName"))
        XCTAssertEqual(model.draftPreview, "null (not sent)")
        _ = model.send(.editExpression("user.firstName +"))
        XCTAssertNil(model.draftPreview, "no value for an expression that does not parse")

        await world.runner.send(.searchPeople("xiaolong"), to: &model)
        await world.runner.send(.pickPerson(login: "xiaolong.li@corp.example"), to: &model)
        _ = model.send(.editExpression("user.lastName + user.firstName"))
        XCTAssertEqual(model.draftPreview, #""李小龙""#)
    }

    func test_savedExpressionIsStoredAndUsedByThePlanner() async throws {
        let world = try TabWorld()
        var model = await loaded(world)
        try select("name.givenName", in: &model)
        _ = model.send(.editSelected)
        _ = model.send(.editExpression("String.toUpperCase(user.firstName)"))
        _ = model.send(.toggleApplyOn)
        await world.runner.send(.saveDraft, to: &model)
        XCTAssertNil(model.draft)
        XCTAssertEqual(model.notice, "Saved.")
        XCTAssertEqual(model.selectedRow?.attribute, "name.givenName")
        XCTAssertEqual(model.selectedRow?.expression, "String.toUpperCase(user.firstName)")
        XCTAssertEqual(model.selectedRow?.applyOnLabel, "Create")

        let stored = try world.store.records(Store.AttributeMapping.self).all(appId: world.appID)
        XCTAssertEqual(stored.count, 5)
        XCTAssertEqual(stored[1].expression, "String.toUpperCase(user.firstName)")
        XCTAssertEqual(stored[1].applyOn, .createOnly)
        let jose = try XCTUnwrap(try world.store.directory.person(login: "jose.nunez@corp.example"))
        let preview = try AppMappings(store: world.store, app: world.app).preview(jose)
        XCTAssertEqual(preview[1].value, "JOSÉ")
    }

    func test_unmappedAttributesComeFromTheProvidersSchemas() async throws {
        let server = try SCIMServerFixture.shared()
        let world = try TabWorld()
        try world.configure(baseURL: server.baseURL, token: server.token)
        var model = await loaded(world)
        XCTAssertEqual(model.send(.toggleUnmapped), [.loadSchemas])
        XCTAssertEqual(model.unmappedSource, .loading)
        model = await loaded(world)
        await world.runner.send(.toggleUnmapped, to: &model)
        XCTAssertEqual(model.unmappedSource, .provider)
        let unmapped = model.unmappedAttributes.map(\.attribute)
        XCTAssertTrue(unmapped.contains("title"), "\(unmapped)")
        XCTAssertTrue(unmapped.contains("name.middleName"), "\(unmapped)")
        XCTAssertFalse(unmapped.contains("name.givenName"), "mapped attributes are not listed")
        XCTAssertFalse(unmapped.contains { $0.caseInsensitiveCompare("userName") == .orderedSame })
        XCTAssertFalse(unmapped.contains("id"), "read-only attributes cannot be mapped")
        XCTAssertFalse(unmapped.contains("active"), "the engine owns active")
        XCTAssertFalse(unmapped.contains("password"))
        XCTAssertTrue(unmapped.contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"), "\(unmapped)")
        XCTAssertTrue(unmapped.contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"), "\(unmapped)")
        XCTAssertTrue(unmapped.contains("phoneNumbers[primary].value"), "\(unmapped)")
    }

    func test_unmappedFallsBackToTheStandardAttributesWithoutAConnection() async throws {
        let world = try TabWorld()
        var model = await loaded(world)
        await world.runner.send(.toggleUnmapped, to: &model)
        guard case .standard(let reason) = model.unmappedSource else { return XCTFail("\(model.unmappedSource)") }
        XCTAssertTrue(reason.contains("base URL"), reason)
        let unmapped = model.unmappedAttributes.map(\.attribute)
        XCTAssertTrue(unmapped.contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"))
        XCTAssertTrue(unmapped.contains("title"))
        XCTAssertFalse(unmapped.contains("emails[primary].value"))

        // Hide and show again: no second read.
        XCTAssertEqual(model.send(.toggleUnmapped), [])
        XCTAssertFalse(model.isShowingUnmapped)
        XCTAssertEqual(model.send(.toggleUnmapped), [])
        XCTAssertTrue(model.isShowingUnmapped)
    }

    func test_mapAnUnmappedAttributeThenRemoveIt() async throws {
        let world = try TabWorld()
        var model = await loaded(world)
        await world.runner.send(.toggleUnmapped, to: &model)
        let department = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"
        await world.runner.send(.mapAttribute(department), to: &model)
        XCTAssertEqual(model.draft?.isNew, true)
        XCTAssertNotNil(model.draft?.error, "an empty expression is not valid")
        _ = model.send(.editExpression("user.department"))
        XCTAssertEqual(model.draftPreview, #""Ingeniería""#)
        await world.runner.send(.saveDraft, to: &model)
        XCTAssertEqual(model.rows.last?.attribute, department)
        XCTAssertEqual(model.selectedRow?.attribute, department)
        XCTAssertFalse(model.unmappedAttributes.map(\.attribute).contains(department))
        XCTAssertTrue(model.previewLine?.hasSuffix(#"\#(department) "Ingeniería""#) ?? false, model.previewLine ?? "")

        await world.runner.send(.removeSelected, to: &model)
        XCTAssertEqual(model.rows.count, 5)
        XCTAssertTrue(model.unmappedAttributes.map(\.attribute).contains(department))
        XCTAssertEqual(try world.store.records(Store.AttributeMapping.self).all(appId: world.appID).count, 5)
    }
}
