import CLDAP
import Foundation
import Store

/// One bound libldap session. Used on the thread that made it (libldap handles are not shared
/// across threads); unbinds when released.
final class LDAPConnection: DirectorySourceConnection {
    private let handle: OpaquePointer
    private let endpoint: DirectorySourceEndpoint

    init(_ endpoint: DirectorySourceEndpoint, password: SecretValue) throws {
        self.endpoint = endpoint
        var opened: OpaquePointer?
        let code = cldap_open(endpoint.url, endpoint.caFile, Int32(endpoint.networkTimeout), Int32(endpoint.operationTimeout), &opened)
        guard code == LDAP_SUCCESS, let opened else {
            throw DirectorySourceError.unreachable(url: endpoint.url, reason: "not an LDAP URL (\(LDAPResult.text(code))); use ldap://host:port or ldaps://host:port")
        }
        handle = opened
        if endpoint.startTLS {
            let started = cldap_start_tls(handle)
            if started != LDAP_SUCCESS {
                // deinit unbinds: the instance is whole once `handle` is set, so it runs on a throw too.
                throw LDAPResult.error(code: started, handle: handle, endpoint: endpoint, stage: .startTLS)
            }
        }
        let bound = password.reveal { bytes in
            bytes.withUnsafeBytes { raw in
                cldap_simple_bind(handle, endpoint.bindDN, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
            }
        }
        if bound != LDAP_SUCCESS {
            throw LDAPResult.error(code: bound, handle: handle, endpoint: endpoint, stage: .bind)
        }
    }

    deinit { cldap_close(handle) }

    func search(_ query: DirectoryQuery, each: (DirectoryEntry) throws -> Void) throws -> DirectorySearchSummary {
        var cookie: UnsafeMutablePointer<berval>?
        defer { if let cookie { ber_bvfree(cookie) } }
        var summary = DirectorySearchSummary(entries: 0, pages: 0)
        // The attribute list as the NULL-terminated C array libldap wants, alive for the whole search.
        let names = query.attributes.map { strdup($0) }
        defer { names.forEach { free($0) } }
        var attributes: [UnsafeMutablePointer<CChar>?] = names + [nil]
        repeat {
            var message: OpaquePointer?
            let code = attributes.withUnsafeMutableBufferPointer { list in
                cldap_search_page(handle, query.baseDN, query.filter, list.baseAddress, Int32(query.pageSize),
                                  query.showDeleted ? 1 : 0, Int32(endpoint.operationTimeout), &cookie, &message)
            }
            defer { if let message { ldap_msgfree(message) } }
            summary.pages += 1
            if let message {
                var entry = ldap_first_entry(handle, message)
                while let current = entry {
                    try each(read(current))
                    summary.entries += 1
                    entry = ldap_next_entry(handle, current)
                }
            }
            guard code == LDAP_SUCCESS else {
                throw LDAPResult.error(code: code, handle: handle, endpoint: endpoint, stage: .search(query, entriesRead: summary.entries))
            }
        } while cookie != nil
        return summary
    }

    private func read(_ entry: OpaquePointer) -> DirectoryEntry {
        var dn = ""
        if let raw = ldap_get_dn(handle, entry) {
            dn = String(cString: raw)
            ldap_memfree(raw)
        }
        var values: [String: [Data]] = [:]
        var position: OpaquePointer?
        var attribute = ldap_first_attribute(handle, entry, &position)
        while let name = attribute {
            let key = String(cString: name)
            if let list = ldap_get_values_len(handle, entry, name) {
                var index = 0
                while let value = list[index] {
                    let bytes = value.pointee.bv_val.map { Data(bytes: $0, count: Int(value.pointee.bv_len)) } ?? Data()
                    values[key, default: []].append(bytes)
                    index += 1
                }
                ldap_value_free_len(list)
            }
            ldap_memfree(name)
            attribute = ldap_next_attribute(handle, entry, position)
        }
        if let position { ber_free(position, 0) }
        return DirectoryEntry(dn: dn, values: values)
    }
}
