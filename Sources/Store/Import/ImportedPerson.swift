/// A person as read from an import file, before validation.
struct ImportedPerson: Sendable {
    var line: Int
    var login: String
    var firstName: String = ""
    var lastName: String = ""
    var email: String = ""
    var status: PersonStatus? = .active
    /// The status text when it could not be read, for the report.
    var rawStatus: String = ""
    var attributes: [String: String] = [:]
    var externalKey: String?
    /// Group names the file puts the person in; `nil` when the file says nothing about groups.
    var groups: [String]?
}
