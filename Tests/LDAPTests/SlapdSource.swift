import LDAP
import Store
import TestSupport

/// A store with the tests' slapd as its directory source `corp`.
enum SlapdSource {
    /// A store with `slapd` saved as source `corp`, bound as the root DN.
    static func store(_ slapd: SlapdFixture, pageSize: Int = 500) throws -> ScimdeckStore {
        let store = try ScimdeckStore()
        try store.directorySources.save(
            DirectorySource(name: "corp", url: slapd.url, bindDN: SlapdFixture.rootDN, baseDN: SlapdFixture.suffix, pageSize: pageSize),
            password: SecretValue(slapd.rootPassword))
        return store
    }

    static func importer(_ store: ScimdeckStore) -> DirectorySourceImporter {
        DirectorySourceImporter(store: store, connector: LDAPConnector())
    }
}
