import Foundation
import TestSupport

/// LDIF for the tests' slapd.
enum SlapdDirectory {
    /// Seeded entries were last changed long ago (slapadd keeps a given modifyTimestamp), so an
    /// incremental import after a change reads the changed entries alone, not every entry of the
    /// second the test started in.
    static let seededAt = "modifyTimestamp: 20240101000000Z"

    static func person(_ uid: String, first: String = "Ann", last: String = "Example", extra: String = "") -> String {
        """
        dn: uid=\(uid),\(SlapdFixture.peopleDN)
        objectClass: inetOrgPerson
        uid: \(uid)
        cn: \(first) \(last)
        givenName: \(first)
        sn: \(last)
        mail: \(uid)@example.com
        \(seededAt)
        \(extra)
        """.trimmingCharacters(in: .newlines) + "\n\n"
    }

    static func groupOfNames(_ cn: String, members: [String]) -> String {
        "dn: cn=\(cn),\(SlapdFixture.groupsDN)\nobjectClass: groupOfNames\ncn: \(cn)\n\(seededAt)\n"
            + members.map { "member: \($0)\n" }.joined() + "\n"
    }

    static func personDN(_ uid: String) -> String { "uid=\(uid),\(SlapdFixture.peopleDN)" }
    static func groupDN(_ cn: String) -> String { "cn=\(cn),\(SlapdFixture.groupsDN)" }
}
