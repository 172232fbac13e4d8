/// One place where the app differs from what the directory says it should hold, found by reading
/// the app, and what is done about it.
public struct DriftCorrection: Sendable, Equatable {
    /// Whose state differs: the directory person or pushed group the correcting operations target.
    public enum Subject: Sendable, Hashable {
        case user(personID: Int64)
        case group(groupID: Int64)
    }

    public enum Difference: Sendable, Equatable {
        /// A mapped attribute holds another value in the app (nil: absent or empty).
        case attribute(String, inApp: String?, inDirectory: String?)
        /// In scope and linked, but inactive in the app.
        case inactiveInApp
        /// Out of scope, but active in the app.
        case activeInApp
        /// The linked user is gone from the app; `relinkTo` is the app's user with its userName, if any.
        case userDeleted(relinkTo: String?)
        /// The pushed group is gone from the app; `relinkTo` is the app's one group of its name, if any.
        case groupDeleted(relinkTo: String?)
        case groupRenamed(inApp: String)
        /// In the app's group, not wanted there by the directory. `personID` nil: no directory
        /// person is linked to it (a dangling member).
        case strayMember(personID: Int64?, remoteID: String, name: String)
        /// Pushed before, and wanted, but not in the app's group.
        case missingMember(personID: Int64, name: String)
        /// Another group of the pushed group's name.
        case duplicateGroup(remoteID: String)
    }

    /// Why nothing is sent for a correction.
    public enum HeldBackReason: Sendable, Equatable, CustomStringConvertible {
        case updateUserAttributesOff
        case deactivateUsersOff
        case createUsersOff
        /// A duplicate group, kept without `--fix-duplicates`.
        case duplicatesKept
        /// A duplicate of a deleted group's name: which one is kept is known once it is relinked.
        case awaitingRelink
        /// The plan sends nothing for it (a userName conflict, for one).
        case notPlanned

        public var description: String {
            switch self {
            case .updateUserAttributesOff: return "Update User Attributes is off"
            case .deactivateUsersOff: return "Deactivate Users is off"
            case .createUsersOff: return "Create Users is off"
            case .duplicatesKept: return "--fix-duplicates deletes it"
            case .awaitingRelink: return "which one is kept is known once the group is relinked: run sync --full again"
            case .notPlanned: return "the plan sends nothing for it (see the conflicts)"
            }
        }
    }

    /// What the plan does about it.
    public enum Handling: Sendable, Equatable {
        /// Operations in the plan correct it.
        case planned
        case heldBack(HeldBackReason)
    }

    public var subject: Subject
    /// The user's userName or the group's name, for the reader.
    public var label: String
    public var difference: Difference
    public var handling: Handling

    public init(subject: Subject, label: String, difference: Difference, handling: Handling = .planned) {
        self.subject = subject
        self.label = label
        self.difference = difference
        self.handling = handling
    }

    /// One line, what the app holds → what the directory says, with no verdict (the caller says
    /// whether it was corrected): `bob@corp.example name.familyName "X" → "Smith"`,
    /// `group Sales: stray member eve → removed`.
    public var summary: String {
        switch difference {
        case .attribute(let attribute, let inApp, let inDirectory):
            return "\(label) \(attribute) \(Self.quoted(inApp)) → \(Self.quoted(inDirectory))"
        case .inactiveInApp:
            return "\(label) active false → true"
        case .activeInApp:
            return "\(label) active true → false (out of scope)"
        case .userDeleted(let relinkTo):
            return "\(label) deleted in the app → " + (relinkTo.map { "relinked to the app's user \($0)" } ?? "created again")
        case .groupDeleted(let relinkTo):
            return "group \(label) deleted in the app → " + (relinkTo.map { "relinked to the app's group \($0)" } ?? "created again")
        case .groupRenamed(let inApp):
            return "group \(label) renamed \(Self.quoted(inApp)) in the app → \(Self.quoted(label))"
        case .strayMember(let personID, _, let name):
            return "group \(label): stray member \(name)" + (personID == nil ? " (no directory person is linked to it)" : "") + " → removed"
        case .missingMember(_, let name):
            return "group \(label): missing member \(name) → added"
        case .duplicateGroup(let remoteID):
            return "group \(label): duplicate \(remoteID) → deleted"
        }
    }

    private static func quoted(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "empty"
    }
}
