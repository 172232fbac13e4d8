/// Why a Sign On preview could not be built (a save's reasons are `AppSettingsError`'s), said so the admin knows what to change.
public enum SignOnError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchPerson(String)

    public var description: String {
        switch self {
        case let .noSuchPerson(login):
            return "no person \"\(login)\" in the directory: `scimdeck directory list` shows them"
        }
    }
}
