/// Which attributes a kind of directory server uses for what. `ad` comes with Active Directory
/// support; its mapping slots (binary `objectGUID`, `uSNChanged`) are already in `DirectorySourceMapping`.
public enum DirectorySourcePreset: String, Sendable, CaseIterable, Codable {
    case openldap

    public var mapping: DirectorySourceMapping {
        switch self {
        case .openldap:
            return DirectorySourceMapping(
                idAttribute: "entryUUID", idFormat: .text, loginAttribute: "uid", emailAttribute: "mail",
                firstNameAttribute: "givenName", lastNameAttribute: "sn", displayNameAttributes: ["displayName", "cn"],
                extraAttributes: ["title", "departmentNumber", "telephoneNumber", "employeeNumber"],
                userFilter: "(objectClass=inetOrgPerson)",
                groupFilter: "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))",
                groupNameAttribute: "cn", groupDescriptionAttribute: "description",
                memberDNAttributes: ["member", "uniqueMember"], memberLoginAttributes: ["memberUid"],
                changeAttribute: "modifyTimestamp",
                // OpenLDAP has no standard disabled flag: the ppolicy lock, or a marker value.
                disabledWhen: [.present("pwdAccountLockedTime"), .equals("employeeType", "disabled")])
        }
    }
}

/// The attributes a source is read with.
public struct DirectorySourceMapping: Sendable, Equatable {
    /// How the stable id's bytes become `externalKey` text.
    public enum IdentifierFormat: String, Sendable {
        /// Already text (`entryUUID`).
        case text
        /// A 16-byte Microsoft GUID (`objectGUID`), written in its usual dashed form.
        case guid
    }

    /// When an entry counts as a disabled account.
    public enum DisabledRule: Sendable, Equatable {
        /// The attribute has any value.
        case present(String)
        /// The attribute has this value (case-insensitive).
        case equals(String, String)
    }

    public var idAttribute: String
    public var idFormat: IdentifierFormat
    public var loginAttribute: String
    public var emailAttribute: String
    public var firstNameAttribute: String
    public var lastNameAttribute: String
    /// The first one present names the person in `attributes["displayName"]`.
    public var displayNameAttributes: [String]
    /// Kept as person attributes under their own names when present.
    public var extraAttributes: [String]
    public var userFilter: String
    public var groupFilter: String
    public var groupNameAttribute: String
    public var groupDescriptionAttribute: String
    /// Member values that are DNs (people or groups: nested groups).
    public var memberDNAttributes: [String]
    /// Member values that are logins (`posixGroup`'s `memberUid`).
    public var memberLoginAttributes: [String]
    /// Grows on every change; the highest value seen is where the next incremental read starts.
    public var changeAttribute: String
    public var disabledWhen: [DisabledRule]

    /// Every attribute a user search asks for.
    var userAttributes: [String] {
        var names = [idAttribute, loginAttribute, emailAttribute, firstNameAttribute, lastNameAttribute, changeAttribute]
        names += displayNameAttributes + extraAttributes
        for rule in disabledWhen {
            switch rule {
            case let .present(name), let .equals(name, _): names.append(name)
            }
        }
        return Self.unique(names)
    }

    /// Every attribute a group search asks for.
    var groupAttributes: [String] {
        Self.unique([idAttribute, groupNameAttribute, groupDescriptionAttribute, changeAttribute] + memberDNAttributes + memberLoginAttributes)
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}
