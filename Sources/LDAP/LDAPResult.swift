import CLDAP
import Foundation
import Store

/// Turns libldap result codes into `DirectorySourceError`s that say what to fix.
enum LDAPResult {
    enum Stage {
        case startTLS
        case bind
        case search(DirectoryQuery, entriesRead: Int)
    }

    static func text(_ code: Int32) -> String {
        ldap_err2string(code).map { String(cString: $0) } ?? "LDAP error \(code)"
    }

    static func diagnostic(_ handle: OpaquePointer) -> String? {
        guard let raw = cldap_diagnostic(handle) else { return nil }
        defer { ldap_memfree(raw) }
        let text = String(cString: raw)
        return text.isEmpty ? nil : text
    }

    static func error(code: Int32, handle: OpaquePointer, endpoint: DirectorySourceEndpoint, stage: Stage) -> DirectorySourceError {
        let diagnostic = diagnostic(handle)
        let said = [text(code), diagnostic].compactMap { $0 }.joined(separator: ": ")
        switch code {
        case LDAP_INVALID_CREDENTIALS:
            return .invalidCredentials(bindDN: endpoint.bindDN)
        case LDAP_SERVER_DOWN, LDAP_CONNECT_ERROR:
            // libldap says "Can't contact LDAP server" for a closed port and a failed TLS handshake
            // alike: a plain TCP connect tells them apart.
            let usesTLS = endpoint.startTLS || endpoint.url.lowercased().hasPrefix("ldaps:")
            if usesTLS, TCPProbe.answers(url: endpoint.url) {
                return .tls(url: endpoint.url, reason: said)
            }
            return .unreachable(url: endpoint.url, reason: said)
        case LDAP_TIMEOUT:
            switch stage {
            case .startTLS: return .timeout(operation: "StartTLS with \(endpoint.url)", seconds: endpoint.networkTimeout)
            case .bind: return .timeout(operation: "the bind to \(endpoint.url)", seconds: endpoint.operationTimeout)
            case let .search(query, _): return .timeout(operation: "a search page under \(query.baseDN)", seconds: endpoint.operationTimeout)
            }
        case LDAP_STRONG_AUTH_REQUIRED:
            return .tlsRequired(url: endpoint.url)
        case LDAP_REFERRAL:
            if case let .search(query, _) = stage { return .baseElsewhere(baseDN: query.baseDN, referral: diagnostic ?? "") }
            return .server(code: Int(code), message: said)
        case LDAP_SIZELIMIT_EXCEEDED, LDAP_ADMINLIMIT_EXCEEDED:
            if case let .search(query, read) = stage { return .sizeLimit(baseDN: query.baseDN, entriesRead: read) }
            return .server(code: Int(code), message: said)
        case LDAP_NO_SUCH_OBJECT:
            if case let .search(query, _) = stage { return .noSuchBase(baseDN: query.baseDN) }
            return .server(code: Int(code), message: said)
        case LDAP_FILTER_ERROR:
            if case let .search(query, _) = stage { return .badFilter(filter: query.filter, reason: said) }
            return .server(code: Int(code), message: said)
        default:
            if case .startTLS = stage { return .tls(url: endpoint.url, reason: "StartTLS refused: \(said)") }
            return .server(code: Int(code), message: said)
        }
    }
}
