import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes secrets (the signing key) so that no other user can ever read them: the bytes go to a new file
/// created with mode 0600 from the start (never a wider mode and a chmod afterwards), which then replaces
/// the target by rename, so a rotation interrupted half-way leaves the old key whole. A signed SAML Response is
/// written this way too: until it expires it signs its holder in.
public enum OwnerOnlyFile {
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw OwnerOnlyFileError(path: path, operation: "create", code: errno) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
            unlink(temporary)
        }
        // The umask can only narrow the mode; fchmod makes it exactly 0600 whatever the umask.
        guard fchmod(descriptor, 0o600) == 0 else { throw OwnerOnlyFileError(path: path, operation: "protect", code: errno) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OwnerOnlyFileError(path: path, operation: "write", code: errno)
            }
            written += count
        }
        guard fsync(descriptor) == 0 else { throw OwnerOnlyFileError(path: path, operation: "flush", code: errno) }
        closed = true
        guard close(descriptor) == 0 else { throw OwnerOnlyFileError(path: path, operation: "close", code: errno) }
        guard rename(temporary, path) == 0 else { throw OwnerOnlyFileError(path: path, operation: "replace", code: errno) }
    }
}
