import Foundation

/// Checks a parsed batch: every person has a login, a well-formed email (when given) and a known
/// status, and no two logins (or group names) differ only by case. Returns the batch with the bad
/// rows taken out, and every problem found.
struct DirectoryBatchValidator {
    struct Result {
        var batch: DirectoryBatch
        var invalidPeople: Int
    }

    /// The first row of a login, which later rows are reported against.
    private struct FirstRow {
        var line: Int
        var login: String
    }

    func validate(_ input: DirectoryBatch) -> Result {
        var batch = input
        var issues = input.issues
        var firstByLogin: [String: FirstRow] = [:]
        firstByLogin.reserveCapacity(input.people.count)
        var invalidIndices: [Int] = []

        for (index, person) in input.people.enumerated() {
            if let problem = problem(person, firstByLogin: &firstByLogin) {
                issues.append(ImportIssue(line: person.line, reason: problem))
                invalidIndices.append(index)
            }
        }
        // A clean file keeps its people array as it is: copying 100,000 people cost memory and time.
        if !invalidIndices.isEmpty {
            let invalid = Set(invalidIndices)
            batch.people = input.people.indices.filter { !invalid.contains($0) }.map { input.people[$0] }
        }

        var firstByName: [String: ImportedGroup] = [:]
        var validGroups: [ImportedGroup] = []
        // The first row of a login wins; the later ones are the bad rows. A group list naming a bad
        // row drops it quietly: the row itself is already reported.
        let validLogins = input.groups.isEmpty ? [] : Set(batch.people.map(\.loginKey))
        for var group in input.groups {
            let name = group.name.trimmingSpaces
            guard !name.isEmpty else {
                issues.append(ImportIssue(line: group.line, reason: "missing group name"))
                continue
            }
            let key = DirectoryGroup.nameKey(name)
            if let first = firstByName[key] {
                let reason = first.name == name
                    ? "duplicate group \(name) (also on line \(first.line))"
                    : "group name \(name) differs only by case from \(first.name) on line \(first.line)"
                issues.append(ImportIssue(line: group.line, reason: reason))
                continue
            }
            group.name = name
            group.memberLogins = group.memberLogins?.filter { validLogins.contains(Person.loginKey($0)) }
            firstByName[key] = group
            validGroups.append(group)
        }

        batch.groups = validGroups
        batch.issues = issues.sorted { ($0.line, $0.severity == .error ? 0 : 1) < ($1.line, $1.severity == .error ? 0 : 1) }
        return Result(batch: batch, invalidPeople: invalidIndices.count)
    }

    private func problem(_ person: ImportedPerson, firstByLogin: inout [String: FirstRow]) -> String? {
        if let problem = PersonValidation.problem(login: person.login, email: person.email) { return problem }
        if person.status == nil { return "unknown status \"\(person.rawStatus)\" (use active, suspended or deactivated)" }
        if let first = firstByLogin[person.loginKey] {
            return first.login == person.login
                ? "duplicate login \(person.login) (also on line \(first.line))"
                : "login \(person.login) differs only by case from \(first.login) on line \(first.line); apps compare logins case-insensitively"
        }
        firstByLogin[person.loginKey] = FirstRow(line: person.line, login: person.login)
        return nil
    }
}
