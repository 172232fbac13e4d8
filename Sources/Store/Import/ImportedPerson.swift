/// A person as read from an import file, before validation.
struct ImportedPerson: Sendable {
    var line: Int
    let login: String
    /// The case-folded login, worked out once: the validator, the applier and the memberships all
    /// look people up by it, and folding it each time was a tenth of a 100,000-person import.
    let loginKey: String
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

    init(line: Int, login: String) {
        self.line = line
        self.login = login
        loginKey = Person.loginKey(login)
    }
}
