import Foundation
import Store

/// The Directory view's data: people and groups as table rows, and file import.
public struct DirectoryListing: Sendable {
    /// The People table's columns, read without building a `Person` per row.
    public typealias People = PeopleColumns

    public var people = People()
    /// Name, description, member count.
    public var groups: [[String]] = []

    public init() {}

    public static func load(_ workspace: Workspace) throws -> DirectoryListing {
        var listing = DirectoryListing()
        listing.people = try workspace.store.directory.peopleColumns()
        listing.groups = try workspace.store.directory.groups().map {
            [$0.group.name, $0.group.description, String($0.memberCount)]
        }
        return listing
    }

    /// Imports a CSV, LDIF or SCIM JSON file; returns what the import says (counts or the errors).
    public static func importFile(at path: String, in workspace: Workspace) -> (ok: Bool, message: String) {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return (false, "Give the path of a .csv, .ldif or .json file.") }
        let expanded = trimmed.hasPrefix("~/") ? (ProcessInfo.processInfo.environment["HOME"] ?? "") + trimmed.dropFirst(1) : trimmed
        do {
            let report = try DirectoryImporter(store: workspace.store).importFile(at: expanded)
            let ok = report.outcome != .rejected
            let summary = ok
                ? "Imported \(expanded): \(report.peopleAdded) people added, \(report.peopleUpdated) updated, \(report.groupsAdded) groups added."
                : "Nothing imported from \(expanded): " + (report.errors.first.map { "\($0)" } ?? "the file has errors")
            return (ok, summary)
        } catch {
            return (false, "Import failed: \(error)")
        }
    }
}
