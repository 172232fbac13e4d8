#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `poll(2)` over a few descriptors for readability, retried on EINTR only when there
/// is time left (a signal should wake the loop, so EINTR returns at once).
enum Poll {
    /// Indices of the descriptors that are readable (or hung up).
    static func readable(_ descriptors: [Int32], timeout: Duration?) -> [Int] {
        var fds = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let milliseconds: Int32
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
            milliseconds = Int32(clamping: max(0, total))
        } else {
            milliseconds = -1
        }
        let result = poll(&fds, nfds_t(fds.count), milliseconds)
        guard result > 0 else { return [] }
        return fds.indices.filter { fds[$0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 }
    }
}
