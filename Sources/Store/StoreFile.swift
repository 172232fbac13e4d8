import Foundation

/// Creates the store file before SQLite opens it, so it is born readable by its owner alone.
/// SQLite gives the -wal and -shm files the database file's mode.
enum StoreFile {
    static func prepare(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreateDirectory(path: directory, reason: error.localizedDescription)
            }
        }
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.cannotCreateFile(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // An older file made with a looser umask is tightened too.
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & 0o077 != 0 {
            _ = fchmod(descriptor, 0o600)
        }
    }
}
