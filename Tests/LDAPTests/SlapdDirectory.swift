import Foundation
import TestSupport

/// LDIF for the tests' slapd.
enum SlapdDirectory {
    static func person(_ uid: String, first: String = "Ann", last: String = "Example", extra: String = "") -> String {
        """
        dn: uid=\(uid),\(SlapdFixture.peopleDN)
        objectClass: inetOrgPerson
        uid: \(uid)
        cn: \(first) \(last)
        givenName: \(first)
        sn: \(last)
        mail: \(uid)@example.com
        \(extra)
        """.trimmingCharacters(in: .newlines) + "\n\n"
    }

    static func groupOfNames(_ cn: String, members: [String]) -> String {
        "dn: cn=\(cn),\(SlapdFixture.groupsDN)\nobjectClass: groupOfNames\ncn: \(cn)\n"
            + members.map { "member: \($0)\n" }.joined() + "\n"
    }

    static func personDN(_ uid: String) -> String { "uid=\(uid),\(SlapdFixture.peopleDN)" }
    static func groupDN(_ cn: String) -> String { "cn=\(cn),\(SlapdFixture.groupsDN)" }
}
