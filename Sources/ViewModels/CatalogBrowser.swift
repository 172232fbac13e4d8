import Provisioning
import Store

/// Browse App Integration Catalog: search as you type, pick an entry, **Add**, edit the
/// *Application label*, **Done**. Pure state; the screen feeds it text and keys.
public struct CatalogBrowser: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case search
        /// The entry chosen with Add, and the label being edited (it starts as the entry's name).
        case label(entryID: String, label: String)
    }

    public private(set) var query = ""
    public private(set) var results: [CatalogEntry] = Catalog.entries
    public var selected = 0
    public private(set) var step: Step = .search

    public init() {}

    public var selectedEntry: CatalogEntry? { results.indices.contains(selected) ? results[selected] : nil }

    public mutating func search(_ text: String) {
        query = text
        results = Catalog.search(text)
        selected = 0
    }

    public mutating func move(by delta: Int) {
        guard !results.isEmpty else { return }
        selected = min(max(0, selected + delta), results.count - 1)
    }

    /// Add: moves to the label step with the entry's name as the label; false with no entry.
    @discardableResult
    public mutating func add() -> Bool {
        guard let entry = selectedEntry else { return false }
        step = .label(entryID: entry.id, label: entry.name)
        return true
    }

    public mutating func back() { step = .search }

    /// Done: creates the app with the label given; returns its id.
    public func done(label: String, in workspace: Workspace) throws -> Int64 {
        guard case .label(let entryID, _) = step, let entry = Catalog.entry(named: entryID) else {
            throw AppCreation.Failure.emptyLabel
        }
        let app = try AppCreation.add(entry: entry, label: label, in: workspace.store)
        return app.id
    }
}
