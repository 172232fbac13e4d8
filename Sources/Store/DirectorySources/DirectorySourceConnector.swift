import Foundation

/// Where a live directory source is and how to reach it (the bind password travels apart, as a
/// `SecretValue`).
public struct DirectorySourceEndpoint: Sendable, Equatable {
    /// `ldap://host[:port]` or `ldaps://host[:port]`.
    public var url: String
    public var bindDN: String
    /// A PEM file of the CA to trust (alone) for `ldaps://` or StartTLS.
    public var caFile: String?
    public var startTLS: Bool
    /// Seconds to wait for the TCP and TLS connection.
    public var networkTimeout: Int
    /// Seconds to wait for one operation (a bind, one page of a search).
    public var operationTimeout: Int

    public init(url: String, bindDN: String, caFile: String? = nil, startTLS: Bool = false, networkTimeout: Int = 10, operationTimeout: Int = 60) {
        self.url = url
        self.bindDN = bindDN
        self.caFile = caFile
        self.startTLS = startTLS
        self.networkTimeout = networkTimeout
        self.operationTimeout = operationTimeout
    }
}

/// One subtree search.
public struct DirectoryQuery: Sendable, Equatable {
    public var baseDN: String
    public var filter: String
    public var attributes: [String]
    /// Entries per page (RFC 2696 paged results); 0 asks for everything at once.
    public var pageSize: Int
    /// Deleted objects too (Active Directory's Show Deleted control): how an incremental import
    /// finds who was deleted since the last one.
    public var showDeleted: Bool

    public init(baseDN: String, filter: String, attributes: [String], pageSize: Int, showDeleted: Bool = false) {
        self.baseDN = baseDN
        self.filter = filter
        self.attributes = attributes
        self.pageSize = pageSize
        self.showDeleted = showDeleted
    }
}

/// An entry as the server sent it: values are raw bytes (`objectGUID` is binary, `entryUUID` text).
public struct DirectoryEntry: Sendable, Equatable {
    public var dn: String
    /// Keyed by the attribute name in lower case: servers answer in the case the schema spells.
    public var values: [String: [Data]]

    public init(dn: String, values: [String: [Data]]) {
        self.dn = dn
        var lowered: [String: [Data]] = [:]
        for (name, list) in values { lowered[name.lowercased(), default: []] += list }
        self.values = lowered
    }

    public func raw(_ attribute: String) -> [Data] { values[attribute.lowercased()] ?? [] }

    /// The values that are UTF-8 text.
    public func texts(_ attribute: String) -> [String] {
        raw(attribute).compactMap { String(data: $0, encoding: .utf8) }
    }

    public func text(_ attribute: String) -> String? { texts(attribute).first }
}

/// What one search read.
public struct DirectorySearchSummary: Sendable, Equatable {
    public var entries: Int
    public var pages: Int

    public init(entries: Int, pages: Int) {
        self.entries = entries
        self.pages = pages
    }
}

/// Reaches a live directory (an LDAP server, Active Directory). Store declares it and the importer
/// uses it; the LDAP target implements it on libldap, and only the executable wires the two, as
/// HTTP implements SCIM's transport.
public protocol DirectorySourceConnector: Sendable {
    /// Connects and binds. Throws `DirectorySourceError`.
    func connect(_ endpoint: DirectorySourceEndpoint, password: SecretValue) throws -> any DirectorySourceConnection
}

/// A bound session. Not `Sendable`: a connection is used on the thread that opened it (libldap
/// handles are not shared across threads) and closed when released.
public protocol DirectorySourceConnection: AnyObject {
    /// Calls `each` for every entry, page after page. Throws `DirectorySourceError`, or what `each` throws.
    func search(_ query: DirectoryQuery, each: (DirectoryEntry) throws -> Void) throws -> DirectorySearchSummary
}
