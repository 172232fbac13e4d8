import Store

/// Store's `DirectorySourceConnector` on libldap: what the `scimdeck` executable hands to
/// `DirectorySourceImporter`.
public struct LDAPConnector: DirectorySourceConnector {
    public init() {}

    public func connect(_ endpoint: DirectorySourceEndpoint, password: SecretValue) throws -> any DirectorySourceConnection {
        try LDAPConnection(endpoint, password: password)
    }
}
