/// People whose change the app's To App switches keep from being sent: the plan names them so that
/// `plan`, `sync` and the console never call such an app "in sync".
public struct HeldBack: Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable, CaseIterable, Codable {
        /// In scope, not in the app, and Create Users is off.
        case createUsersOff = "Create Users is off"
        /// Linked, their profile changed, and Update User Attributes is off.
        case updateUsersOff = "Update User Attributes is off"
        /// Out of scope (a leaver) but still active in the app, and Deactivate Users is off.
        case deactivateUsersOff = "Deactivate Users is off"
        /// Back in scope after a deactivation, and Deactivate Users (which also reactivates) is off.
        case reactivateUsersOff = "Deactivate Users (which also reactivates) is off"

        /// What the held-back people are left as, for one line of a report.
        public var consequence: String {
            switch self {
            case .createUsersOff: return "not created in the app"
            case .updateUsersOff: return "changed in the directory, not updated in the app"
            case .deactivateUsersOff: return "out of scope but still active in the app"
            case .reactivateUsersOff: return "back in scope but still deactivated in the app"
            }
        }
    }

    public var reason: Reason
    public var personIDs: [Int64]

    public init(reason: Reason, personIDs: [Int64]) {
        self.reason = reason
        self.personIDs = personIDs
    }
}
