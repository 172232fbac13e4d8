/// A group as read from an import file, before validation.
struct ImportedGroup: Sendable {
    var line: Int
    var name: String
    /// `nil` when the file does not say (a CSV names groups but does not describe them).
    var description: String?
    var externalKey: String?
    /// Logins of the members; `nil` when the file does not list members for this group.
    var memberLogins: [String]?
    /// Names of the groups this group contains (nested groups); `nil` when the file does not say.
    var memberGroups: [String]?
}
