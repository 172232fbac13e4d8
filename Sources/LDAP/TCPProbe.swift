import Foundation

/// Whether anything accepts a TCP connection at an LDAP URL's host and port: after libldap fails to
/// connect over TLS, it tells "nothing listens" from "TLS went wrong".
enum TCPProbe {
    static func answers(url: String, timeoutSeconds: Int = 3) -> Bool {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return false }
        let port = components.port ?? (components.scheme?.lowercased() == "ldaps" ? 636 : 389)
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return false }
        defer { freeaddrinfo(first) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let socketDescriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if socketDescriptor >= 0 {
                var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
                setsockopt(socketDescriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                let connected = connect(socketDescriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0
                close(socketDescriptor)
                if connected { return true }
            }
            candidate = address.pointee.ai_next
        }
        return false
    }
}
