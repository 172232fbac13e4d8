import Foundation

/// Why a live directory source could not be read, told apart so that the message says what to fix.
public enum DirectorySourceError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The server refused the bind DN and password (LDAP invalidCredentials, 49).
    case invalidCredentials(bindDN: String)
    /// Nothing answered at that host and port (refused, no route, name not found, connect timeout).
    case unreachable(url: String, reason: String)
    /// The TCP connection worked but TLS did not (handshake, certificate, StartTLS refused).
    case tls(url: String, reason: String)
    /// The server refuses a simple bind over a connection without TLS (strongerAuthRequired, 8), as
    /// Active Directory does.
    case tlsRequired(url: String)
    /// The base DN is outside what the server holds: it answered with a referral (10) elsewhere.
    case baseElsewhere(baseDN: String, referral: String)
    /// The server stopped the search at its size limit (sizeLimitExceeded 4, adminLimitExceeded 11).
    case sizeLimit(baseDN: String, entriesRead: Int)
    /// The base DN does not exist on the server (noSuchObject, 32).
    case noSuchBase(baseDN: String)
    /// An operation took longer than the timeout.
    case timeout(operation: String, seconds: Int)
    /// The server refused the search filter.
    case badFilter(filter: String, reason: String)
    /// A source with this name is not configured.
    case unknownSource(String)
    /// The source has no bind password stored.
    case noPassword(source: String)
    /// A full import found no people while the directory holds some of this source: refused, since
    /// it would remove them all (a filter typo or a bind account that lost its read access looks
    /// exactly like this).
    case emptyFullImport(source: String, stored: Int)
    /// Any other LDAP result.
    case server(code: Int, message: String)

    public var description: String {
        switch self {
        case let .invalidCredentials(bindDN):
            return "the server refused the bind for \(bindDN): wrong password or bind DN (LDAP invalidCredentials, 49); "
                + "set it again with `directory source add … --password-file F`"
        case let .unreachable(url, reason):
            return "cannot reach \(url): \(reason); check the host, the port and that the server is running"
        case let .tls(url, reason):
            return "TLS with \(url) failed: \(reason); check --ca-file, the server's certificate and its name"
        case let .tlsRequired(url):
            return "\(url) refuses a password bind without TLS (strongerAuthRequired, 8); "
                + "use ldaps:// or --start-tls, with --ca-file for the server's CA"
        case let .baseElsewhere(baseDN, referral):
            return "the base DN \(baseDN) is not held by this server (it refers to \(referral.isEmpty ? "another server" : referral)); "
                + "check --base-dn: it should end in the domain's DN, e.g. DC=corp,DC=example"
        case let .sizeLimit(baseDN, entriesRead):
            return "the server stopped the search under \(baseDN) at its size limit after \(entriesRead) entries "
                + "(sizeLimitExceeded); raise the bind account's limit or use a server that supports paged results"
        case let .noSuchBase(baseDN):
            return "the base DN \(baseDN) does not exist on the server (noSuchObject, 32); check --base-dn"
        case let .timeout(operation, seconds):
            return "\(operation) took more than \(seconds) s; the server is slow or the network drops packets"
        case let .badFilter(filter, reason):
            return "the server refused the filter \(filter): \(reason)"
        case let .unknownSource(name):
            return "no directory source named \(name); `scimdeck directory source list` shows them"
        case let .noPassword(source):
            return "the source \(source) has no bind password stored; add it again with --password-file"
        case let .emptyFullImport(source, stored):
            return "the full import of \(source) found no people, and would remove all \(stored) it brought before; "
                + "check the bind account's read access and --user-filter, or pass --allow-empty if the directory really is empty"
        case let .server(code, message):
            return "the LDAP server answered \(message) (result \(code))"
        }
    }

    public var errorDescription: String? { description }
}
