import Foundation
import JSON

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
        let json: JSONValue
        do {
            json = try JSONValue.parse(data)
        } catch {
            // Bytes that are not UTF-8 are reported as such, with their line.
            _ = try UTF8Text.decode(data)
            throw ImportError.malformedJSON(error.description)
        }
        let resources: [JSONValue]
        if let array = json[member: "Resources"]?.arrayValue {
            resources = array
        } else if let array = json.arrayValue {
            resources = array
        } else if json[member: "schemas"] != nil {
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
            guard let resource = item.objectValue else {
                batch.issues.append(ImportIssue(line: line(index), reason: "resource \(index + 1) is not a JSON object"))
                continue
            }
            let schemas = Set((resource["schemas"]?.arrayValue ?? []).compactMap(\.text))
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
        let name = resource["name"]?.objectValue ?? [:]
        person.firstName = string(name["givenName"]) ?? ""
        person.lastName = string(name["familyName"]) ?? ""
        let emails = (resource["emails"]?.arrayValue ?? []).compactMap(\.objectValue)
        let email = emails.first { $0["primary"] == .bool(true) } ?? emails.first
        person.email = email.flatMap { string($0["value"]) } ?? ""
        if case .bool(let active) = resource["active"] {
            person.status = active ? .active : .deactivated
        }
        person.externalKey = string(resource["externalId"]) ?? string(resource["id"])
        for (key, value) in resource where !handledUserKeys.contains(key) {
            if let text = string(value) { person.attributes[key] = text }
        }
        if let enterprise = resource[enterpriseSchema]?.objectValue {
            for (key, value) in enterprise {
                if let text = string(value) {
                    person.attributes[key] = text
                } else if key == "manager", let id = string(value[member: "value"]) {
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
        for member in (resource["members"]?.arrayValue ?? []).compactMap(\.objectValue) {
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
}

private extension JSONValue {
    /// A member of an object, by its exact name.
    subscript(member key: String) -> JSONValue? { objectValue?[key] }

    /// A string, number or boolean as text; nil for objects, arrays and null.
    var text: String? {
        switch self {
        case let .string(text): return text
        case let .bool(bool): return bool ? "true" : "false"
        case .double(let number) where number.rounded() == number && abs(number) < 1e15: return String(Int64(number))
        case .double(let number): return String(number)
        default: return numberText
        }
    }
}
