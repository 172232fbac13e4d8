/// Why Sign On settings could not be saved or previewed, said so the admin knows what to change.
public enum SignOnError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidField(SignOnField, String)
    case noSuchPerson(String)

    public var description: String {
        switch self {
        case let .invalidField(field, reason):
            return "\(field.label) \(reason)"
        case let .noSuchPerson(login):
            return "no person \"\(login)\" in the directory: `scimdeck directory list` shows them"
        }
    }
}
