import Foundation

/// A problem that stops an import before any row is considered: the file as a whole is unusable.
public enum ImportError: Error, Equatable, LocalizedError, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case unknownFormat(path: String)
    case notUTF8(line: Int)
    case emptyFile
    case missingColumn(String)
    case malformedCSV(line: Int, reason: String)
    case malformedJSON(String)
    case notSCIM(String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason):
            return "cannot read \(path): \(reason)"
        case let .unknownFormat(path):
            return "cannot tell the format of \(path) from its name; pass --format csv, ldif or scim"
        case let .notUTF8(line):
            return "line \(line): the file is not UTF-8 text; save it as UTF-8 (with or without BOM) and import again"
        case .emptyFile:
            return "the file is empty: a CSV needs a header row (login, firstName, lastName, email, status, groups)"
        case let .missingColumn(name):
            return "line 1: missing column \(name); the header needs login (or userName)"
        case let .malformedCSV(line, reason):
            return "line \(line): the CSV cannot be read: \(reason)"
        case let .malformedJSON(reason):
            return "the file is not valid JSON: \(reason)"
        case let .notSCIM(reason):
            return "not SCIM JSON: \(reason); expected a ListResponse or an array of User and Group resources"
        }
    }

    public var errorDescription: String? { description }
}
