/// Why a settings change was refused. Nothing of the change was written.
public enum AppSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every field that breaks its rule, in the order the tabs show them.
    case invalid([SettingProblem])
    case noSuchApp(Int64)

    public var problems: [SettingProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }

    public var description: String {
        switch self {
        case .invalid(let problems): return problems.map(\.message).joined(separator: "; ")
        case .noSuchApp(let id): return "app \(id) is no longer in the store (`scimdeck app list` shows the apps)"
        }
    }
}

/// One field of a settings change that breaks its rule, and the sentence that says how.
public struct SettingProblem: Sendable, Equatable, CustomStringConvertible {
    public var field: SettingField
    public var message: String

    public init(_ field: SettingField, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// The fields of an app's settings, across its tabs.
public enum SettingField: String, Sendable, Hashable, CaseIterable {
    case label, defaultRelayState, acsURL, audienceURI, nameIDFormat, applicationUsername, attributeStatements
    case baseURL, apiToken, userAgent, concurrency

    /// The Sign On tab's field of the same name.
    public init(_ field: SignOnField) {
        switch field {
        case .defaultRelayState: self = .defaultRelayState
        case .acsURL: self = .acsURL
        case .audienceURI: self = .audienceURI
        case .nameIDFormat: self = .nameIDFormat
        case .applicationUsername: self = .applicationUsername
        }
    }
}
