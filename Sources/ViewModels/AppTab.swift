/// The tabs of one app, in the guide's order. A new tab is a new case here and a panel in `AppDetail`.
public enum AppTab: String, Sendable, CaseIterable {
    case general = "General"
    case signOn = "Sign On"
    case provisioning = "Provisioning"
    case assignments = "Assignments"
    case pushGroups = "Push Groups"
    case log = "Log"

    public var title: String { rawValue }
}
