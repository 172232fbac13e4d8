import Foundation
import LDAP
import Store
import TestSupport

/// LDIF for the tests' Samba DC, under `OU=Corp`, and the source that reads it.
enum SambaDirectory {
    static let corpDN = "OU=Corp,\(SambaDCFixture.baseDN)"
    static let peopleDN = "OU=People,\(corpDN)"
    static let groupsDN = "OU=Groups,\(corpDN)"
    /// userAccountControl: a normal account that needs no password (so none is set), and the same disabled.
    static let enabled = 544
    static let disabled = 546

    static let units = """
        dn: \(corpDN)
        objectClass: organizationalUnit
        ou: Corp

        dn: \(peopleDN)
        objectClass: organizationalUnit
        ou: People

        dn: \(groupsDN)
        objectClass: organizationalUnit
        ou: Groups


        """

    static func personDN(_ name: String) -> String { "CN=\(name),\(peopleDN)" }
    static func groupDN(_ name: String) -> String { "CN=\(name),\(groupsDN)" }

    static func person(_ name: String, first: String, last: String, control: Int = enabled, extra: [String] = []) -> String {
        ([
            "dn: \(personDN(name))", "objectClass: user", "sAMAccountName: \(name)", "userPrincipalName: \(name)@scimdeck.test",
            "givenName: \(first)", "sn: \(last)", "displayName: \(first) \(last)", "mail: \(name)@corp.example",
            "userAccountControl: \(control)",
        ] + extra).joined(separator: "\n") + "\n\n"
    }

    static func group(_ name: String, members: [String]) -> String {
        (["dn: \(groupDN(name))", "objectClass: group", "sAMAccountName: \(name.replacingOccurrences(of: " ", with: ""))"]
            + members.map { "member: \($0)" }).joined(separator: "\n") + "\n\n"
    }

    /// A store with the DC saved as source `ad` (preset ad, LDAPS with the DC's CA, the Administrator's bind).
    static func store(_ dc: SambaDCFixture, pageSize: Int = 500, baseDN: String = corpDN) throws -> ScimdeckStore {
        let store = try ScimdeckStore()
        try store.directorySources.save(source(dc, pageSize: pageSize, baseDN: baseDN), password: SecretValue(dc.administratorPassword))
        return store
    }

    static func source(_ dc: SambaDCFixture, pageSize: Int = 500, baseDN: String = corpDN) -> DirectorySource {
        DirectorySource(name: "ad", url: SambaDCFixture.ldapsURL, bindDN: SambaDCFixture.administratorDN, baseDN: baseDN,
                        preset: .ad, caFile: dc.caFile, pageSize: pageSize)
    }

    static func importer(_ store: ScimdeckStore) -> DirectorySourceImporter {
        DirectorySourceImporter(store: store, connector: LDAPConnector())
    }
}
