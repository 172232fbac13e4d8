import Foundation
import GRDB
import Store
import XCTest

/// Each table: write a record with every field set, read it back from a reopened store, compare.
final class RecordRoundTripTests: StoreTestCase {
    /// Whole milliseconds, as the store keeps dates.
    let when = Date(timeIntervalSince1970: 1_764_400_000.125)

    private func makeApp(_ store: ScimdeckStore) throws -> Int64 {
        let app = try store.records(AppIntegration.self).insert(
            AppIntegration(catalogEntry: "axiad-cloud", label: "Axiad Cloud", stack: .demoTest, createdAt: when))
        return try XCTUnwrap(app.id)
    }

    func test_appRoundTrip() throws {
        let store = try openStore()
        let id = try makeApp(store)
        let read = try XCTUnwrap(try openStore().records(AppIntegration.self).fetch(key: id))
        XCTAssertEqual(read, AppIntegration(id: id, catalogEntry: "axiad-cloud", label: "Axiad Cloud", stack: .demoTest, createdAt: when))
    }

    func test_signOnSettingsRoundTripAndSaveReplaces() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        var settings = SignOnSettings(
            appId: appId, defaultRelayState: "https://app.example.com/start", acsURL: "https://app.example.com/acs",
            audienceURI: "urn:example:sp", nameIDFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
            applicationUsername: "email", updatedAt: when)
        try store.records(SignOnSettings.self).save(settings)
        settings.acsURL = "https://app.example.com/saml/acs"
        try store.records(SignOnSettings.self).save(settings)
        XCTAssertEqual(try openStore().records(SignOnSettings.self).all(appId: appId), [settings])
    }

    func test_provisioningSettingsRoundTrip() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        let settings = ProvisioningSettings(
            appId: appId, apiIntegrationEnabled: true, baseURL: "https://scim.example.com/v2", createUsers: true,
            updateUserAttributes: true, deactivateUsers: false, requestProfile: .rfc7644, updatedAt: when)
        try store.records(ProvisioningSettings.self).save(settings)
        XCTAssertEqual(try openStore().records(ProvisioningSettings.self).fetch(key: appId), settings)
    }

    func test_attributeMappingRoundTripAndUniquePerApp() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        let table = store.records(AttributeMapping.self)
        let mapping = try table.insert(AttributeMapping(appId: appId, scimAttribute: "name.givenName", expression: "user.firstName", applyOn: .createOnly))
        XCTAssertEqual(try openStore().records(AttributeMapping.self).all(appId: appId), [mapping])
        XCTAssertThrowsError(try table.insert(AttributeMapping(appId: appId, scimAttribute: "name.givenName", expression: "user.lastName")))
    }

    func test_assignmentsOfPersonAndGroupRoundTrip() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        let person = try store.directory.addPerson(Person(login: "zoe@example.com"))
        let group = try store.directory.addGroup(DirectoryGroup(name: "Engineering"))
        let table = store.records(Assignment.self)
        var direct = Assignment.person(try XCTUnwrap(person.id), app: appId)
        direct.createdAt = when
        var viaGroup = Assignment.group(try XCTUnwrap(group.id), app: appId)
        viaGroup.createdAt = when
        let saved = [try table.insert(direct), try table.insert(viaGroup)]
        XCTAssertEqual(try openStore().records(Assignment.self).all(appId: appId), saved)
        // Assigning the same person twice is refused, and an assignment names exactly one of the two.
        XCTAssertThrowsError(try table.insert(direct))
        XCTAssertThrowsError(try table.insert(Assignment(appId: appId, personId: person.id, groupId: group.id)))
        // Removing the person removes their assignment.
        try store.directory.removePerson(login: "ZOE@example.com")
        XCTAssertEqual(try table.all(appId: appId).map(\.groupId), [group.id])
    }

    func test_pushGroupRuleAndLinkRoundTrip() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        let group = try store.directory.addGroup(DirectoryGroup(name: "Sales EMEA", description: "Sales, Europe"))
        let rule = try store.records(PushGroupRule.self).insert(PushGroupRule(
            appId: appId, name: "sales groups", nameOperator: .startsWith, nameValue: "Sales",
            descriptionOperator: .contains, descriptionValue: "Europe", createdAt: when))
        let link = try store.records(PushGroupLink.self).insert(PushGroupLink(
            appId: appId, groupId: try XCTUnwrap(group.id), ruleId: rule.id, status: .error, lastPushedAt: when, lastError: "409 conflict"))
        let reopened = try openStore()
        XCTAssertEqual(try reopened.records(PushGroupRule.self).all(appId: appId), [rule])
        XCTAssertEqual(try reopened.records(PushGroupLink.self).all(appId: appId), [link])
        // Deleting the rule keeps the link, now a link by name.
        try reopened.records(PushGroupRule.self).delete(key: try XCTUnwrap(rule.id))
        XCTAssertNil(try reopened.records(PushGroupLink.self).fetch(key: try XCTUnwrap(link.id))?.ruleId)
    }

    func test_remoteLinkRoundTripAndUniquePerLocalResource() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        let table = store.records(RemoteLink.self)
        let link = try table.insert(RemoteLink(
            appId: appId, kind: .user, localId: 42, remoteId: "2819c223-7f76-453a-919d-413861904646",
            lastPayloadHash: "sha256:abc", status: .deactivated, lastError: "timeout", updatedAt: when))
        XCTAssertEqual(try openStore().records(RemoteLink.self).fetch(key: try XCTUnwrap(link.id)), link)
        XCTAssertThrowsError(try table.insert(RemoteLink(appId: appId, kind: .user, localId: 42, remoteId: "other")))
        // The same local id as a group is another resource.
        XCTAssertNoThrow(try table.insert(RemoteLink(appId: appId, kind: .group, localId: 42, remoteId: "g")))
    }

    func test_journalEntryRoundTripAndStateUpdate() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        let table = store.records(JournalEntry.self)
        var entry = try table.insert(JournalEntry(
            appId: appId, runId: "run-1", sequence: 1, operation: "createUser", targetKind: .user, localId: 7,
            payload: #"{"userName":"zoe@example.com"}"#, createdAt: when, updatedAt: when))
        entry.state = .succeeded
        entry.remoteId = "abc"
        entry.attempts = 1
        try table.update(entry)
        XCTAssertEqual(try openStore().records(JournalEntry.self).all(appId: appId), [entry])
        XCTAssertThrowsError(try table.insert(JournalEntry(appId: appId, runId: "run-1", sequence: 1, operation: "x", targetKind: .user, localId: 1)))
    }

    func test_requestLogEntryRoundTrip() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        let entry = try store.records(RequestLogEntry.self).insert(RequestLogEntry(
            appId: appId, sentAt: when, method: "POST", path: "/Users", statusCode: 201, latencyMilliseconds: 38,
            result: "created", requestBody: #"{"userName":"zoe"}"#, responseBody: #"{"id":"1"}"#))
        let failed = try store.records(RequestLogEntry.self).insert(RequestLogEntry(appId: appId, sentAt: when, method: "GET", path: "/Users"))
        XCTAssertEqual(try openStore().records(RequestLogEntry.self).all(appId: appId), [entry, failed])
    }

    func test_deletingAnAppRemovesEverythingOfIt() throws {
        let store = try openStore()
        let appId = try makeApp(store)
        try store.records(ProvisioningSettings.self).save(ProvisioningSettings(appId: appId))
        try store.records(RemoteLink.self).insert(RemoteLink(appId: appId, kind: .user, localId: 1, remoteId: "r"))
        try store.secrets.set(SecretValue("token"), name: SecretName.apiToken, appId: appId)
        XCTAssertTrue(try store.records(AppIntegration.self).delete(key: appId))
        XCTAssertEqual(try store.records(ProvisioningSettings.self).count(), 0)
        XCTAssertEqual(try store.records(RemoteLink.self).count(), 0)
        XCTAssertNil(try store.secrets.get(name: SecretName.apiToken, appId: appId))
    }

    func test_personAndGroupRoundTrip() throws {
        let store = try openStore()
        let person = try store.directory.addPerson(Person(
            login: "Zoë.Martin@example.com", firstName: "Zoë", lastName: "Martin", email: "zoe@example.com",
            status: .suspended, attributes: ["department": "R&D", "title": "Lead, Platform"], source: "csv", externalKey: "E-1"))
        let group = try store.directory.addGroup(DirectoryGroup(name: "李 team", description: "中文", source: "scim", externalKey: "g-9"))
        try store.directory.addMember(login: "zoë.martin@EXAMPLE.com", group: "李 TEAM")
        let reopened = try openStore().directory
        let read = try XCTUnwrap(try reopened.person(login: "ZOË.MARTIN@example.com"))
        XCTAssertEqual(read.id, person.id)
        XCTAssertEqual(read.login, "Zoë.Martin@example.com")
        XCTAssertEqual(read.attributes, ["department": "R&D", "title": "Lead, Platform"])
        XCTAssertEqual(read.status, .suspended)
        XCTAssertEqual(read.externalKey, "E-1")
        XCTAssertEqual(try reopened.group(name: "李 team")?.description, "中文")
        XCTAssertEqual(try reopened.members(group: "李 team").map(\.login), ["Zoë.Martin@example.com"])
        XCTAssertEqual(try reopened.groups(ofLogin: "zoë.martin@example.com").map(\.id), [group.id])
    }
}
