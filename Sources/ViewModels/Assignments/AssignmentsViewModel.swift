import Provisioning

/// The Assignments tab (guide steps 3–4): the people in scope and the assigned groups, **Assign** ▸
/// *Assign to People* / *Assign to Groups* with a predictive search and **Assign** per row and **Done**,
/// and the ✕ that removes an assignment (greyed for people who came in through a group).
///
/// Elm shape: `send` changes the state and returns effects; `AssignmentsEffectRunner` runs them and
/// answers with intents. Changes made are provisioned by a sync, which the tab asks for when the
/// picker closes or an assignment is removed (the guide: "Those Users will now be provisioned").
public struct AssignmentsViewModel: Sendable, Equatable {
    public enum Section: Sendable, Equatable, CaseIterable {
        case people, groups
        public var label: String { self == .people ? "People" : "Groups" }
    }

    public enum PickerKind: Sendable, Equatable {
        case people, groups
        public var title: String { self == .people ? "Assign to People" : "Assign to Groups" }
    }

    public struct Picker: Sendable, Equatable {
        public var kind: PickerKind
        public var query = ""
        public var results: [AssignmentCandidate] = []
        /// The search `results` answer; stale while it differs from `query`.
        public var resultsQuery: String?
        public var highlighted = 0
        /// How many were assigned since the picker opened (Done then asks for a sync).
        public var assignedCount = 0
        /// **Assign** came before the answer to the last keystroke: assign the first row of that answer.
        public var assignsWhenFound = false
        public var resultsAreCurrent: Bool { resultsQuery == query.trimmingCharacters(in: .whitespaces) }
    }

    /// A removal waiting for its confirmation.
    public enum Removal: Sendable, Equatable {
        case person(login: String, name: String)
        case group(name: String, memberCount: Int)

        public var question: String {
            switch self {
            case .person(_, let name):
                return "Remove \(name) from this app? They are deactivated in the app on the next sync."
            case .group(let name, let count):
                return "Remove the group \(name) from this app? Its \(count) member\(count == 1 ? "" : "s") leave provisioning unless assigned otherwise."
            }
        }
    }

    public enum Intent: Sendable, Equatable {
        case appear
        case loaded(people: [AssignedPerson], groups: [AssignedGroup])
        case loadFailed(String)
        case selectSection(Section)
        case openPicker(PickerKind)
        case search(String)
        case found(query: String, [AssignmentCandidate])
        case moveHighlight(by: Int)
        /// **Assign** on the highlighted row.
        case assignHighlighted
        case assigned(key: String)
        case changeFailed(String)
        /// **Done**.
        case closePicker
        /// ✕ on a person (by login) or a group (by name).
        case remove(key: String)
        case confirmRemoval
        case cancelRemoval
        case removed
    }

    public enum Effect: Sendable, Equatable {
        case load
        case searchPeople(String)
        case searchGroups(String)
        case assignPerson(login: String)
        case assignGroup(name: String)
        case unassignPerson(login: String)
        case unassignGroup(name: String)
        /// Provision what changed: the console runs the app's sync.
        case sync
    }

    public private(set) var isLoading = true
    public private(set) var section: Section = .people
    public private(set) var people: [AssignedPerson] = []
    public private(set) var groups: [AssignedGroup] = []
    public private(set) var picker: Picker?
    public private(set) var pendingRemoval: Removal?
    public private(set) var isChanging = false
    public private(set) var notice: StatusLine?

    public init() {}

    public mutating func send(_ intent: Intent) -> [Effect] {
        switch intent {
        case .appear:
            isLoading = true
            return [.load]
        case let .loaded(people, groups):
            self.people = people
            self.groups = groups
            isLoading = false
            return []
        case .loadFailed(let reason):
            isLoading = false
            notice = .error("Could not read the assignments: \(reason)")
            return []
        case .selectSection(let section):
            self.section = section
            return []

        case .openPicker(let kind):
            picker = Picker(kind: kind)
            notice = nil
            return [search(kind, "")]
        case .search(let query):
            guard var picker else { return [] }
            picker.query = query
            picker.highlighted = 0
            picker.assignsWhenFound = false
            self.picker = picker
            return [search(picker.kind, query.trimmingCharacters(in: .whitespaces))]
        case let .found(query, results):
            // Answers to earlier keystrokes may arrive late: keep only the one for what the field holds.
            guard var picker, query == picker.query.trimmingCharacters(in: .whitespaces) else { return [] }
            picker.results = results
            picker.resultsQuery = query
            picker.highlighted = min(picker.highlighted, max(0, results.count - 1))
            let assignNow = picker.assignsWhenFound
            picker.assignsWhenFound = false
            self.picker = picker
            return assignNow ? send(.assignHighlighted) : []
        case .moveHighlight(let step):
            guard var picker, !picker.results.isEmpty else { return [] }
            picker.highlighted = min(max(0, picker.highlighted + step), picker.results.count - 1)
            self.picker = picker
            return []
        case .assignHighlighted:
            guard var picker else { return [] }
            guard picker.resultsAreCurrent else {
                // Typed, then ⏎ before the search answered: assign from that answer when it comes.
                picker.assignsWhenFound = true
                self.picker = picker
                return []
            }
            guard !isChanging, picker.results.indices.contains(picker.highlighted) else { return [] }
            let candidate = picker.results[picker.highlighted]
            guard !candidate.isAssigned else {
                notice = .info("\(candidate.title) is assigned already.")
                return []
            }
            isChanging = true
            return [picker.kind == .people ? .assignPerson(login: candidate.key) : .assignGroup(name: candidate.key)]
        case .assigned(let key):
            isChanging = false
            guard var picker else { return [.load] }
            if let index = picker.results.firstIndex(where: { $0.key == key }) { picker.results[index].isAssigned = true }
            picker.assignedCount += 1
            self.picker = picker
            let title = picker.results.first { $0.key == key }?.title ?? key
            notice = .info("Assigned \(title).")
            return [.load]
        case .changeFailed(let reason):
            isChanging = false
            notice = .error(reason)
            return [.load]
        case .closePicker:
            guard let picker else { return [] }
            self.picker = nil
            section = picker.kind == .people ? .people : .groups
            return picker.assignedCount > 0 ? [.sync] : []

        case .remove(let key):
            guard !isChanging else { return [] }
            switch section {
            case .people:
                guard let person = people.first(where: { $0.login == key }) else { return [] }
                guard person.isRemovable else {
                    notice = .info("\(name(of: person)) is assigned through \(person.assignedText): remove the group under Groups.")
                    return []
                }
                pendingRemoval = .person(login: person.login, name: name(of: person))
            case .groups:
                guard let group = groups.first(where: { $0.name == key }) else { return [] }
                pendingRemoval = .group(name: group.name, memberCount: group.memberCount)
            }
            return []
        case .cancelRemoval:
            pendingRemoval = nil
            return []
        case .confirmRemoval:
            guard let removal = pendingRemoval else { return [] }
            pendingRemoval = nil
            isChanging = true
            switch removal {
            case .person(let login, _): return [.unassignPerson(login: login)]
            case .group(let name, _): return [.unassignGroup(name: name)]
            }
        case .removed:
            isChanging = false
            notice = .info("Removed.")
            return [.load, .sync]
        }
    }

    private func search(_ kind: PickerKind, _ query: String) -> Effect {
        kind == .people ? .searchPeople(query) : .searchGroups(query)
    }

    private func name(of person: AssignedPerson) -> String {
        person.displayName.isEmpty ? person.login : person.displayName
    }
}
