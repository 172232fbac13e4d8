import Foundation

/// Active Directory's `objectGUID` as text: 16 bytes whose first three fields are little-endian on
/// the wire, written in the dashed form AD's own tools print. Read from an LDAP source and from
/// an LDIF file alike, so that both give a person the same stable id.
enum ObjectGUID {
    static func text(_ bytes: Data) -> String {
        let b = Array(bytes)
        guard b.count == 16 else { return b.map { String(format: "%02x", $0) }.joined() }
        let order = [3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15]
        return order.map { $0 < 0 ? "-" : String(format: "%02x", b[$0]) }.joined()
    }
}
