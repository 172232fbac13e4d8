import Foundation

/// Changes a running directory server (slapd, a Samba DC) through OpenLDAP's command-line tools,
/// bound as the server's administrator: the fixture says how to run a tool, this says which.
public protocol LDAPCommandLineTools {
    /// A folder of the fixture's own, for the LDIF files handed to the tools.
    var directory: URL { get }
    /// Runs `ldapmodify` and friends against the server with the administrator's bind.
    func runAsAdministrator(_ path: String, _ arguments: [String]) throws
}

extension LDAPCommandLineTools {
    /// `ldapmodify` (`add: true` for `ldapadd`).
    public func modify(_ ldif: String, add: Bool = false) throws {
        let file = directory.appendingPathComponent("change-\(UUID().uuidString).ldif")
        try ldif.write(to: file, atomically: true, encoding: .utf8)
        try runAsAdministrator("/usr/bin/ldapmodify", (add ? ["-a"] : []) + ["-f", file.path])
    }

    public func delete(_ dn: String) throws {
        try runAsAdministrator("/usr/bin/ldapdelete", [dn])
    }

    /// Renames the entry's RDN, dropping the old RDN value (`ldapmodrdn -r`).
    public func rename(_ dn: String, to newRDN: String) throws {
        try runAsAdministrator("/usr/bin/ldapmodrdn", ["-r", dn, newRDN])
    }
}
