import Foundation

/// What went wrong in the store, said so the reader knows what to do next.
public enum StoreError: Error, Equatable, LocalizedError, CustomStringConvertible {
    case cannotCreateDirectory(path: String, reason: String)
    case cannotCreateFile(path: String, reason: String)
    case duplicateLogin(String, existing: String)
    case duplicateGroupName(String, existing: String)
    case personNotFound(String)
    case groupNotFound(String)
    case invalidPerson(String)
    case duplicateAppLabel(String)
    case appNotFound(Int64)
    /// The person is in the group only through a group nested in it.
    case memberThroughNesting(login: String, group: String)

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            return "cannot create the store's directory \(path): \(reason); pass --store PATH to put the store elsewhere"
        case let .cannotCreateFile(path, reason):
            return "cannot create the store \(path): \(reason); check the directory's permissions or pass --store PATH"
        case let .duplicateLogin(login, existing):
            return existing == login
                ? "a person with login \(login) already exists"
                : "login \(login) differs only by case from \(existing), and apps compare logins case-insensitively"
        case let .duplicateGroupName(name, existing):
            return existing == name
                ? "a group named \(name) already exists"
                : "group name \(name) differs only by case from \(existing)"
        case let .personNotFound(login):
            return "no person with login \(login) (see `scimdeck directory list people`)"
        case let .groupNotFound(name):
            return "no group named \(name) (see `scimdeck directory list groups`)"
        case let .invalidPerson(reason):
            return reason
        case let .memberThroughNesting(login, group):
            return "\(login) is in \(group) through a group nested in it: remove them from that group (or it from \(group))"
        case let .appNotFound(id):
            return "app \(id) is no longer in the store (`scimdeck app list` shows the apps)"
        case let .duplicateAppLabel(label):
            return "an app labelled \"\(label)\" exists already; choose another label"
        }
    }

    public var errorDescription: String? { description }
}
