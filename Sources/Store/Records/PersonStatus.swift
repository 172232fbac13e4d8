import GRDB

/// A directory person's status, as Okta shows it.
public enum PersonStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case active
    case suspended
    case deactivated

    /// Reads the spellings imports meet: `active`, `ACTIVE`, `Suspended`, `disabled`, `inactive`, `true`/`false`.
    public init?(lenient text: String) {
        switch CaseFolding.lowercased(text.trimmingSpaces) {
        case "", "active", "enabled", "true", "1", "provisioned", "staged": self = .active
        case "suspended", "locked", "locked_out": self = .suspended
        case "deactivated", "inactive", "disabled", "false", "0", "deprovisioned": self = .deactivated
        default: return nil
        }
    }
}
