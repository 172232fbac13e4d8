/// Which attributes a kind of directory server uses for what.
public enum DirectorySourcePreset: String, Sendable, CaseIterable, Codable {
    case openldap
    /// Active Directory (and Samba AD).
    case ad

    public var mapping: DirectorySourceMapping {
        switch self {
        case .openldap:
            return DirectorySourceMapping(
                idAttribute: "entryUUID", idFormat: .text, loginAttributes: ["uid"], emailAttribute: "mail",
                firstNameAttribute: "givenName", lastNameAttribute: "sn", displayNameAttributes: ["displayName", "cn"],
                extraAttributes: ["title", "departmentNumber", "telephoneNumber", "employeeNumber"],
                userFilter: "(objectClass=inetOrgPerson)",
                groupFilter: "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))",
                groupNameAttribute: "cn", groupDescriptionAttribute: "description",
                memberDNAttributes: ["member", "uniqueMember"], memberLoginAttributes: ["memberUid"],
                changeAttribute: "modifyTimestamp", changeMarkOrder: .text,
                // OpenLDAP has no standard disabled flag: the ppolicy lock, or a marker value.
                disabledWhen: [.present("pwdAccountLockedTime"), .equals("employeeType", "disabled")])
        case .ad:
            return DirectorySourceMapping(
                idAttribute: "objectGUID", idFormat: .guid,
                // A user without a UPN (made by an old tool) still has its pre-Windows 2000 name.
                loginAttributes: ["userPrincipalName", "sAMAccountName"], emailAttribute: "mail",
                firstNameAttribute: "givenName", lastNameAttribute: "sn", displayNameAttributes: ["displayName", "cn"],
                extraAttributes: ["department", "title", "telephoneNumber", "employeeID", "employeeNumber"],
                // Computer accounts are users too: objectCategory=person leaves them out.
                userFilter: "(&(objectCategory=person)(objectClass=user))",
                groupFilter: "(objectClass=group)",
                groupNameAttribute: "cn", groupDescriptionAttribute: "description",
                memberDNAttributes: ["member"], memberLoginAttributes: [],
                changeAttribute: "uSNChanged", changeMarkOrder: .integer,
                // ACCOUNTDISABLE, bit 2 of userAccountControl.
                disabledWhen: [.bitSet("userAccountControl", 2)],
                managerAttribute: "manager", readsDeletedObjects: true)
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
        /// The attribute is an integer with this bit (mask) set.
        case bitSet(String, UInt64)
    }

    /// How change marks compare: the next incremental read starts at the highest one.
    public enum ChangeMarkOrder: String, Sendable {
        /// Generalized time (`modifyTimestamp`), which sorts as text.
        case text
        /// A decimal counter (`uSNChanged`): 1000 comes after 999.
        case integer

        /// Whether `value` is after `mark`.
        public func isAfter(_ value: String, _ mark: String) -> Bool {
            switch self {
            case .text: return value > mark
            case .integer:
                guard let number = UInt64(value) else { return false }
                guard let current = UInt64(mark) else { return true }
                return number > current
            }
        }
    }

    public var idAttribute: String
    public var idFormat: IdentifierFormat
    /// The first one present is the login.
    public var loginAttributes: [String]
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
    public var changeMarkOrder: ChangeMarkOrder
    public var disabledWhen: [DisabledRule]
    /// Holds the DN of the person's manager; imported as the manager's login, under `manager`.
    public var managerAttribute: String?
    /// An incremental import also reads the domain's deleted objects (Active Directory keeps them as
    /// tombstones, with their objectGUID, under `CN=Deleted Objects`), so deletions arrive without a full import.
    public var readsDeletedObjects: Bool

    public init(
        idAttribute: String, idFormat: IdentifierFormat, loginAttributes: [String], emailAttribute: String,
        firstNameAttribute: String, lastNameAttribute: String, displayNameAttributes: [String], extraAttributes: [String],
        userFilter: String, groupFilter: String, groupNameAttribute: String, groupDescriptionAttribute: String,
        memberDNAttributes: [String], memberLoginAttributes: [String], changeAttribute: String, changeMarkOrder: ChangeMarkOrder,
        disabledWhen: [DisabledRule], managerAttribute: String? = nil, readsDeletedObjects: Bool = false
    ) {
        self.idAttribute = idAttribute
        self.idFormat = idFormat
        self.loginAttributes = loginAttributes
        self.emailAttribute = emailAttribute
        self.firstNameAttribute = firstNameAttribute
        self.lastNameAttribute = lastNameAttribute
        self.displayNameAttributes = displayNameAttributes
        self.extraAttributes = extraAttributes
        self.userFilter = userFilter
        self.groupFilter = groupFilter
        self.groupNameAttribute = groupNameAttribute
        self.groupDescriptionAttribute = groupDescriptionAttribute
        self.memberDNAttributes = memberDNAttributes
        self.memberLoginAttributes = memberLoginAttributes
        self.changeAttribute = changeAttribute
        self.changeMarkOrder = changeMarkOrder
        self.disabledWhen = disabledWhen
        self.managerAttribute = managerAttribute
        self.readsDeletedObjects = readsDeletedObjects
    }

    /// Every attribute a user search asks for.
    var userAttributes: [String] {
        var names = [idAttribute] + loginAttributes + [emailAttribute, firstNameAttribute, lastNameAttribute, changeAttribute]
        names += displayNameAttributes + extraAttributes
        if let managerAttribute { names.append(managerAttribute) }
        for rule in disabledWhen {
            switch rule {
            case let .present(name), let .equals(name, _), let .bitSet(name, _): names.append(name)
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
