import Foundation
import GRDB

/// The planner's largest reads (a person, a membership, an assignment and a link per person), by
/// column position: decoding each row by name or through Codable cost most of a 100,000-person
/// plan. Only what the planner reads is filled in.
enum EngineStateRows {
    /// Every person; `source`, `externalKey` and `updatedAt` are left at their defaults.
    static func people(_ db: Database) throws -> [Person] {
        var people: [Person] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, login, firstName, lastName, email, status, attributes FROM person ORDER BY id")
        while let row = try rows.next() {
            let status: String = row[5]
            people.append(Person(id: row[0], login: row[1], firstName: row[2], lastName: row[3], email: row[4],
                                 status: PersonStatus(rawValue: status) ?? .active, attributes: AttributesCoding.decode(row[6]),
                                 updatedAt: .distantPast))
        }
        return people
    }

    static func memberships(_ db: Database) throws -> [Membership] {
        var memberships: [Membership] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT groupId, personId FROM membership")
        while let row = try rows.next() { memberships.append(Membership(groupId: row[0], personId: row[1])) }
        return memberships
    }

    static func assignments(_ db: Database, appId: Int64) throws -> [Assignment] {
        var assignments: [Assignment] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, personId, groupId FROM assignment WHERE appId = ?", arguments: [appId])
        while let row = try rows.next() {
            assignments.append(Assignment(id: row[0], appId: appId, personId: row[1], groupId: row[2], createdAt: .distantPast))
        }
        return assignments
    }

    /// `updatedAt` is left at its default.
    static func userLinks(_ db: Database, appId: Int64) throws -> [RemoteLink] {
        var links: [RemoteLink] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, localId, remoteId, lastPayloadHash, status, lastError FROM remoteLink WHERE appId = ? AND kind = 'user'",
                                       arguments: [appId])
        while let row = try rows.next() {
            let status: String = row[4]
            links.append(RemoteLink(id: row[0], appId: appId, kind: .user, localId: row[1], remoteId: row[2], lastPayloadHash: row[3],
                                    status: RemoteLink.Status(rawValue: status) ?? .error, lastError: row[5], updatedAt: .distantPast))
        }
        return links
    }
}
