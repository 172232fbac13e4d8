import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a secret file could not be written; says which step failed and the system's reason.
public struct OwnerOnlyFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let code: Int32

    public var description: String {
        "Cannot \(operation) the secret file \(path): \(String(cString: strerror(code))). Check the directory exists and is writable by you."
    }
}
