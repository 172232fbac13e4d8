import ArgumentParser
import Store

/// `scimdeck directory source add NAME --url URL --bind-dn DN --password-file F --base-dn DN …`
struct DirectorySourceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a directory source, or change the one with this name.",
        discussion: """
            The bind password is read from --password-file, from SCIMDECK_BIND_PASSWORD with \
            --password-from-env, or from a prompt; never from the command line. It is kept as a \
            secret in the store and never printed. The openldap preset reads users with \
            (objectClass=inetOrgPerson) (entryUUID as the stable id, uid as the login, mail, givenName, \
            sn, displayName or cn), groups of names, unique names and posixGroups (nested groups \
            expanded), and treats an account with pwdAccountLockedTime or employeeType=disabled as \
            deactivated. `source test NAME` checks the settings.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The source's name (people and groups it brings name it as their source).")
    var name: String

    @Option(help: "ldap://host[:port] or ldaps://host[:port].")
    var url: String

    @Option(name: .customLong("bind-dn"), help: "The DN to bind as.")
    var bindDN: String

    @OptionGroup var password: BindPasswordInput

    @Option(name: .customLong("base-dn"), help: "Where to search for people and groups.")
    var baseDN: String

    @Option(help: "Which attributes mean what: openldap, or ad (Active Directory: objectGUID, userPrincipalName, uSNChanged).")
    var preset: DirectorySourcePresetChoice = .openldap

    @Option(name: .customLong("user-filter"), help: "The LDAP filter for people (default: the preset's).")
    var userFilter: String?

    @Option(name: .customLong("group-filter"), help: "The LDAP filter for groups (default: the preset's).")
    var groupFilter: String?

    @Option(name: .customLong("ca-file"), help: "A PEM file of the CA to trust for ldaps:// or --start-tls.")
    var caFile: String?

    @Flag(name: .customLong("start-tls"), help: "Upgrade an ldap:// connection with StartTLS.")
    var startTLS = false

    @Option(name: .customLong("page-size"), help: "Entries per page of a search (paged results; 0 for none).")
    var pageSize = 500

    func validate() throws {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("ldap://") || lowered.hasPrefix("ldaps://") else {
            throw ValidationError("--url must start with ldap:// or ldaps://")
        }
        if startTLS, lowered.hasPrefix("ldaps://") { throw ValidationError("--start-tls is for ldap:// URLs; ldaps:// is TLS already") }
        guard pageSize >= 0 else { throw ValidationError("--page-size must be 0 or more") }
    }

    func run() throws {
        let secret = try password.read()
        let store = try ScimdeckStore(path: global.storePath)
        let source = DirectorySource(
            name: name, url: url, bindDN: bindDN, baseDN: baseDN, preset: preset, userFilter: userFilter,
            groupFilter: groupFilter, caFile: caFile, startTLS: startTLS, pageSize: pageSize)
        try store.directorySources.save(source, password: secret)
        print("saved source \(name) (\(url), base \(baseDN)); `scimdeck directory source test \(name)` checks it")
    }
}
