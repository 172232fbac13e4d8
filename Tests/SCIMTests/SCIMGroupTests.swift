import Foundation
import SCIM
import TestSupport
import XCTest

/// Groups against a real scim2-server: create, members in batches, rename, delete.
final class SCIMGroupTests: XCTestCase {
    func test_groupCreateMembersRenameDelete() async throws {
        let (client, _) = try SCIMTestClients.server(memberBatchSize: 2)
        var ids: [String] = []
        for index in 0..<5 {
            let user = try await client.createUser(SCIMUser(userName: SCIMTestClients.uniqueName("member\(index)")))
            ids.append(try XCTUnwrap(user.id))
        }
        let name = SCIMTestClients.uniqueName("Engineering")
        let group = try await client.createGroup(SCIMGroup(displayName: name))
        let groupId = try XCTUnwrap(group.id)
        XCTAssertEqual(group.members, [])

        let addPatches = try await client.updateGroupMembers(id: groupId, add: ids)
        XCTAssertEqual(addPatches, 3, "5 additions in batches of 2")
        var read = try await client.get(SCIMGroup.self, id: groupId)
        XCTAssertEqual(Set(read.members.compactMap(\.value)), Set(ids))

        let removePatches = try await client.updateGroupMembers(id: groupId, add: [], remove: [ids[0], ids[3]])
        XCTAssertEqual(removePatches, 1)
        read = try await client.get(SCIMGroup.self, id: groupId)
        XCTAssertEqual(Set(read.members.compactMap(\.value)), Set([ids[1], ids[2], ids[4]]))

        try await client.renameGroup(id: groupId, to: name + " Renamed")
        let renamed = try await client.findGroups(displayName: name + " Renamed")
        XCTAssertEqual(renamed.map(\.id), [groupId])
        let oldName = try await client.findGroups(displayName: name)
        XCTAssertEqual(oldName, [])

        try await client.delete(SCIMGroup.self, id: groupId)
        do {
            _ = try await client.get(SCIMGroup.self, id: groupId)
            XCTFail("the deleted group is still there")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.status, 404)
        }
    }

    func test_findGroupsReturnsEveryGroupOfThatName() async throws {
        let (client, _) = try SCIMTestClients.server()
        let name = SCIMTestClients.uniqueName("Twins")
        // scim2-server accepts two groups with one displayName: a lookup must see both.
        let first = try await client.create(SCIMGroup(displayName: name)) { nil }
        let second = try await client.create(SCIMGroup(displayName: name)) { nil }
        let found = try await client.findGroups(displayName: name)
        XCTAssertEqual(Set(found.compactMap(\.id)), Set([first.id, second.id].compactMap { $0 }))
    }
}
