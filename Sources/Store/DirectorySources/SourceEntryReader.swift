import Foundation

/// A person entry of a source, ready to import.
struct SourcePerson {
    var externalKey: String
    var dnKey: String
    var person: ImportedPerson
    /// The manager's DN (normalized), which the applier turns into the manager's login.
    var managerDNKey: String?
}

/// A group entry of a source: its members as the server names them (DNs of people or of groups
/// it contains, and `memberUid` logins).
struct SourceGroup {
    var externalKey: String
    var dnKey: String
    var group: ImportedGroup
    var memberDNKeys: [String]
    var memberLogins: [String]
}

/// Turns entries into people and groups with a source's mapping.
struct SourceEntryReader {
    let mapping: DirectorySourceMapping

    /// The entry's stable id as text, or nil when it has none.
    func externalKey(_ entry: DirectoryEntry) -> String? {
        guard let bytes = entry.raw(mapping.idAttribute).first, !bytes.isEmpty else { return nil }
        switch mapping.idFormat {
        case .text:
            return String(data: bytes, encoding: .utf8)?.lowercased()
        case .guid:
            return ObjectGUID.text(bytes)
        }
    }

    func changeMark(_ entry: DirectoryEntry) -> String? { entry.text(mapping.changeAttribute) }

    /// The person, or nil with the reason in `issues`. `line` is the entry's place in the read.
    func person(_ entry: DirectoryEntry, line: Int, issues: inout [ImportIssue]) -> SourcePerson? {
        guard let key = externalKey(entry) else {
            issues.append(ImportIssue(line: 0, reason: "\(entry.dn): no \(mapping.idAttribute); skipped"))
            return nil
        }
        guard let login = mapping.loginAttributes.lazy.compactMap({ entry.text($0)?.trimmingSpaces }).first(where: { !$0.isEmpty }) else {
            issues.append(ImportIssue(line: 0, reason: "\(entry.dn): no \(mapping.loginAttributes.joined(separator: " or ")); skipped"))
            return nil
        }
        var person = ImportedPerson(line: line, login: login)
        person.firstName = entry.text(mapping.firstNameAttribute) ?? ""
        person.lastName = entry.text(mapping.lastNameAttribute) ?? ""
        person.email = entry.text(mapping.emailAttribute) ?? ""
        person.externalKey = key
        person.status = isDisabled(entry) ? .deactivated : .active
        if let display = mapping.displayNameAttributes.lazy.compactMap({ entry.text($0) }).first {
            person.attributes["displayName"] = display
        }
        for name in mapping.extraAttributes {
            if let value = entry.text(name) { person.attributes[name] = value }
        }
        let manager = mapping.managerAttribute.flatMap { entry.text($0) }.map(DistinguishedName.normalized)
        return SourcePerson(externalKey: key, dnKey: DistinguishedName.normalized(entry.dn), person: person, managerDNKey: manager)
    }

    func group(_ entry: DirectoryEntry, line: Int, issues: inout [ImportIssue]) -> SourceGroup? {
        guard let key = externalKey(entry) else {
            issues.append(ImportIssue(line: 0, reason: "\(entry.dn): no \(mapping.idAttribute); skipped"))
            return nil
        }
        guard let name = (entry.text(mapping.groupNameAttribute) ?? DistinguishedName.firstValue(entry.dn))?.trimmingSpaces, !name.isEmpty else {
            issues.append(ImportIssue(line: 0, reason: "\(entry.dn): no \(mapping.groupNameAttribute); skipped"))
            return nil
        }
        let group = ImportedGroup(line: line, name: name, description: entry.text(mapping.groupDescriptionAttribute) ?? "", externalKey: key)
        let dns = mapping.memberDNAttributes.flatMap { entry.texts($0) }.map(DistinguishedName.normalized)
        let logins = mapping.memberLoginAttributes.flatMap { entry.texts($0) }
        return SourceGroup(externalKey: key, dnKey: DistinguishedName.normalized(entry.dn), group: group, memberDNKeys: dns, memberLogins: logins)
    }

    private func isDisabled(_ entry: DirectoryEntry) -> Bool {
        mapping.disabledWhen.contains { rule in
            switch rule {
            case let .present(name): return !entry.raw(name).isEmpty
            case let .equals(name, value): return entry.texts(name).contains { CaseFolding.lowercased($0) == CaseFolding.lowercased(value) }
            case let .bitSet(name, mask): return entry.texts(name).contains { Int64($0).map { UInt64(bitPattern: $0) & mask != 0 } ?? false }
            }
        }
    }
}
