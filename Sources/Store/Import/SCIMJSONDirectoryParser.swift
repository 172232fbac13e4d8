import Foundation

/// Reads SCIM 2.0 User and Group resources: a ListResponse, an array of resources, or one resource.
///
/// Users: userName, name.givenName / familyName, the primary (else first) email, `active: false`
/// as deactivated, externalId (else id) as the external key; other plain values, and those of the
/// enterprise extension, as attributes. Groups: displayName, and `members[].value` resolved by `id`
/// to the users of the same file, or to its groups (nested groups, which the import expands) when
/// the member says `type: "Group"` or its `$ref` points at `/Groups/`, or when only a group has that id.
struct SCIMJSONDirectoryParser {
    static let userSchema = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group"
    static let enterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    private static let handledUserKeys: Set<String> = [
        "schemas", "id", "externalId", "userName", "name", "emails", "active", "meta", "groups", "password", enterpriseSchema,
    ]

    func parse(_ data: Data) throws -> DirectoryBatch {
        _ = try UTF8Text.decode(data)
        let json: JSONValue
        do {
            json = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ImportError.malformedJSON(Self.reason(error))
        }
        let resources: [JSONValue]
        if let array = json["Resources"]?.array {
            resources = array
        } else if let array = json.array {
            resources = array
        } else if json["schemas"] != nil {
            resources = [json]
        } else {
            throw ImportError.notSCIM("found neither Resources nor an array")
        }
        let lines = JSONResourceLines.lines(in: data)
        func line(_ index: Int) -> Int { lines.count == resources.count ? lines[index] : 0 }

        var batch = DirectoryBatch(source: "scim")
        batch.membershipAuthority = .groups
        var loginById: [String: String] = [:]
        var pendingGroups: [(index: Int, resource: [String: JSONValue])] = []
        for (index, item) in resources.enumerated() {
            guard let resource = item.object else {
                batch.issues.append(ImportIssue(line: line(index), reason: "resource \(index + 1) is not a JSON object"))
                continue
            }
            let schemas = Set((resource["schemas"]?.array ?? []).compactMap(\.text))
            if schemas.contains(Self.userSchema) || (!schemas.contains(Self.groupSchema) && resource["userName"] != nil) {
                let person = Self.person(resource, line: line(index))
                if let id = Self.string(resource["id"]), !person.login.isEmpty { loginById[id] = person.login }
                batch.people.append(person)
            } else if schemas.contains(Self.groupSchema) || resource["displayName"] != nil {
                pendingGroups.append((index, resource))
            } else {
                batch.issues.append(ImportIssue(line: line(index), reason: "resource \(index + 1) is neither a User nor a Group"))
            }
        }
        var groupNameById: [String: String] = [:]
        for (_, resource) in pendingGroups {
            if let id = Self.string(resource["id"]), let name = Self.string(resource["displayName"]) { groupNameById[id] = name }
        }
        let ids = MemberIds(logins: loginById, groupNames: groupNameById)
        for (index, resource) in pendingGroups {
            batch.groups.append(Self.group(resource, line: line(index), ids: ids, issues: &batch.issues))
        }
        return batch
    }

    private static func person(_ resource: [String: JSONValue], line: Int) -> ImportedPerson {
        var person = ImportedPerson(line: line, login: string(resource["userName"]) ?? "")
        let name = resource["name"]?.object ?? [:]
        person.firstName = string(name["givenName"]) ?? ""
        person.lastName = string(name["familyName"]) ?? ""
        let emails = (resource["emails"]?.array ?? []).compactMap(\.object)
        let email = emails.first { $0["primary"]?.bool == true } ?? emails.first
        person.email = email.flatMap { string($0["value"]) } ?? ""
        if let active = resource["active"]?.bool {
            person.status = active ? .active : .deactivated
        }
        person.externalKey = string(resource["externalId"]) ?? string(resource["id"])
        for (key, value) in resource where !handledUserKeys.contains(key) {
            if let text = string(value) { person.attributes[key] = text }
        }
        if let enterprise = resource[enterpriseSchema]?.object {
            for (key, value) in enterprise {
                if let text = string(value) {
                    person.attributes[key] = text
                } else if key == "manager", let id = string(value["value"]) {
                    person.attributes["manager"] = id
                }
            }
        }
        return person
    }

    /// What a member's `value` can point at: a user's login or a group's name, by SCIM `id`.
    private struct MemberIds {
        var logins: [String: String]
        var groupNames: [String: String]
    }

    private static func group(_ resource: [String: JSONValue], line: Int, ids: MemberIds, issues: inout [ImportIssue]) -> ImportedGroup {
        let name = string(resource["displayName"]) ?? ""
        var group = ImportedGroup(line: line, name: name)
        group.description = string(resource["description"])
        group.externalKey = string(resource["externalId"]) ?? string(resource["id"])
        var members: [String] = []
        var innerGroups: [String] = []
        for member in (resource["members"]?.array ?? []).compactMap(\.object) {
            let ref = string(member["$ref"])
            let value = string(member["value"]) ?? ref.flatMap { $0.split(separator: "/").last.map(String.init) } ?? ""
            let type = string(member["type"])?.lowercased()
            let saysGroup = type == "group" || ref?.contains("/Groups/") == true || ref?.hasPrefix("Groups/") == true
            if saysGroup, let inner = ids.groupNames[value] {
                innerGroups.append(inner)
            } else if !saysGroup, let login = ids.logins[value] {
                members.append(login)
            } else if type == nil, ref == nil, let inner = ids.groupNames[value] {
                innerGroups.append(inner)
            } else {
                let kind = saysGroup ? "group " : ""
                issues.append(ImportIssue(line: line, reason: "unknown group member \(kind)\(value) in \(name)"))
            }
        }
        group.memberLogins = members
        group.memberGroups = innerGroups
        return group
    }

    private static func string(_ value: JSONValue?) -> String? { value?.text }

    private static func reason(_ error: any Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error {
            let underlying = context.underlyingError.map { " (\(($0 as NSError).userInfo[NSDebugDescriptionErrorKey] ?? $0))" } ?? ""
            return context.debugDescription + underlying
        }
        return "\(error)"
    }
}
