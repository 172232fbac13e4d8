import Foundation

/// The rules a person and a group must meet, shared by the directory commands and the imports.
enum PersonValidation {
    /// Why a person cannot be stored, or nil when it can.
    static func problem(login: String, email: String) -> String? {
        let login = login.trimmingSpaces
        if login.isEmpty { return "missing login" }
        if login.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return "login \"\(login)\" contains a line break or tab" }
        if !email.isEmpty, !EmailAddress.isWellFormed(email) { return "malformed email \"\(email)\"" }
        return nil
    }

    static func check(_ person: Person) throws {
        if let problem = problem(login: person.login, email: person.email) { throw StoreError.invalidPerson(problem) }
    }

    static func checkGroupName(_ name: String) throws {
        if name.trimmingSpaces.isEmpty { throw StoreError.invalidPerson("missing group name") }
    }
}
