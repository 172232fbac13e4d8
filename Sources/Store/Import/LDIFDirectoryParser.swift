import Foundation

/// Reads people and groups from LDIF as Active Directory (`ldifde`) or OpenLDAP (`slapcat`,
/// `ldapsearch -LLL`) export it.
///
/// People are entries of class person/user/inetOrgPerson (not computer): login from
/// userPrincipalName, else mail, else uid, else sAMAccountName; givenName, sn, mail; the
/// userAccountControl ACCOUNTDISABLE bit (0x2) or `nsAccountLock: true` makes them deactivated.
/// Groups are group/groupOfNames/groupOfUniqueNames/posixGroup entries; their `member` /
/// `uniqueMember` DNs (and posixGroup `memberUid`) are resolved to people, or to groups that the
/// group contains (nested groups, which the import expands), of the same file.
struct LDIFDirectoryParser {
    private static let personClasses: Set<String> = ["person", "user", "inetorgperson", "organizationalperson", "posixaccount"]
    private static let groupClasses: Set<String> = ["group", "groupofnames", "groupofuniquenames", "posixgroup"]
    private static let ignoredAttributes: Set<String> = [
        "objectclass", "member", "memberof", "uniquemember", "useraccountcontrol", "objectguid", "objectsid",
        "userpassword", "unicodepwd", "userprincipalname", "mail", "givenname", "sn", "entryuuid", "nsaccountlock",
        "ntsecuritydescriptor", "usncreated", "usnchanged", "whencreated", "whenchanged", "pwdlastset", "lastlogon",
        "lastlogontimestamp", "lastlogoff", "badpasswordtime", "badpwdcount", "logoncount", "accountexpires",
        "primarygroupid", "samaccounttype", "instancetype", "objectcategory", "dscorepropagationdata", "codepage",
        "countrycode", "jpegphoto", "thumbnailphoto", "usercertificate", "creatorsname", "modifiersname",
        "createtimestamp", "modifytimestamp", "entrycsn", "structuralobjectclass", "subschemasubentry",
        "hassubordinates", "entrydn",
    ]

    func parse(_ data: Data) throws -> DirectoryBatch {
        let output = try LDIFReader().read(data)
        var batch = DirectoryBatch(source: "ldif")
        batch.issues = output.issues
        batch.membershipAuthority = .groups

        var loginByDN: [String: String] = [:]
        var loginByUid: [String: String] = [:]
        var peopleDNs: Set<String> = []
        var groupEntries: [LDIFRecord] = []
        var groupNameByDN: [String: String] = [:]

        for record in output.records {
            let classes = record.objectClasses
            if !classes.isDisjoint(with: Self.personClasses), !classes.contains("computer") {
                let person = Self.person(record)
                let dn = DistinguishedName.normalized(record.dn)
                peopleDNs.insert(dn)
                if !person.login.isEmpty {
                    loginByDN[dn] = person.login
                    if let uid = record.first("uid") { loginByUid[uid.lowercased()] = person.login }
                }
                batch.people.append(person)
            } else if !classes.isDisjoint(with: Self.groupClasses) {
                groupEntries.append(record)
                groupNameByDN[DistinguishedName.normalized(record.dn)] = Self.groupName(record)
            }
        }

        for record in groupEntries {
            let name = Self.groupName(record)
            var group = ImportedGroup(line: record.line, name: name)
            group.description = record.first("description") ?? ""
            group.externalKey = Self.externalKey(record)
            var members: [String] = []
            var innerGroups: [String] = []
            for memberDN in record.texts("member") + record.texts("uniquemember") {
                let key = DistinguishedName.normalized(memberDN)
                if let login = loginByDN[key] {
                    members.append(login)
                } else if let inner = groupNameByDN[key] {
                    // A group without a name is reported on its own line; it has nothing to expand.
                    if !inner.isEmpty { innerGroups.append(inner) }
                } else if !peopleDNs.contains(key) {
                    batch.issues.append(ImportIssue(line: record.line, reason: "unknown group member \(memberDN) in \(name)"))
                }
            }
            for uid in record.texts("memberuid") {
                if let login = loginByUid[uid.lowercased()] {
                    members.append(login)
                } else {
                    batch.issues.append(ImportIssue(line: record.line, reason: "unknown group member uid \(uid) in \(name)"))
                }
            }
            group.memberLogins = members
            group.memberGroups = innerGroups
            batch.groups.append(group)
        }
        return batch
    }

    private static func groupName(_ record: LDIFRecord) -> String {
        record.first("cn") ?? DistinguishedName.firstValue(record.dn) ?? ""
    }

    private static func person(_ record: LDIFRecord) -> ImportedPerson {
        let login = record.first("userprincipalname") ?? record.first("mail") ?? record.first("uid") ?? record.first("samaccountname") ?? ""
        var person = ImportedPerson(line: record.line, login: login)
        person.firstName = record.first("givenname") ?? ""
        person.lastName = record.first("sn") ?? ""
        person.email = record.first("mail") ?? ""
        person.externalKey = externalKey(record)
        let control = record.first("useraccountcontrol").flatMap { Int($0) } ?? 0
        let locked = record.first("nsaccountlock")?.lowercased() == "true"
        person.status = (control & 0x2 != 0 || locked) ? .deactivated : .active
        for value in record.values where !ignoredAttributes.contains(value.name) && person.attributes[value.spelledName] == nil {
            guard let text = value.text, !text.isEmpty, !text.contains(where: { $0.isNewline || $0 == "\0" }) else { continue }
            person.attributes[value.spelledName] = text
        }
        return person
    }

    /// objectGUID (AD) or entryUUID (OpenLDAP), written as a directory source writes them, else the DN.
    private static func externalKey(_ record: LDIFRecord) -> String {
        if let guid = record.firstBytes("objectguid") { return ObjectGUID.text(guid) }
        return record.first("entryuuid")?.lowercased() ?? record.dn
    }
}
