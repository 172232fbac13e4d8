import Provisioning
import SCIM

/// Attribute Mappings under Provisioning → To App (guide step 2.8): the list (attribute, expression,
/// apply on), **Show Unmapped Attributes**, editing one expression with live validation and a live
/// preview of its value for a person picked from the directory. Mappings the catalog fixes (Axiad
/// Cloud's userName) cannot be edited or removed.
public struct AttributeMappingsViewModel: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case loading
        case ready
    }

    public enum Intent: Sendable, Equatable {
        case appear
        case loaded(MappingsSnapshot)
        case loadFailed(String)
        case select(Int)
        case moveSelection(by: Int)
        /// **Show Unmapped Attributes** (again to hide them).
        case toggleUnmapped
        /// The base URL or token was saved: the app's /Schemas may now say something else.
        case connectionChanged
        case schemasLoaded([SCIMSchema])
        case schemasUnavailable(reason: String)
        /// Edit the selected mapping's expression.
        case editSelected
        /// Map an attribute from the unmapped list.
        case mapAttribute(String)
        case editExpression(String)
        case toggleApplyOn
        case saveDraft
        case cancelDraft
        case mappingSaved(MappingsSnapshot)
        case mappingFailed(String)
        /// Remove the selected mapping: the app stops receiving the attribute.
        case removeSelected
        /// Search the directory for a person to preview with.
        case searchPeople(String)
        /// The people found for `filter` (an answer to an earlier keystroke is dropped).
        case peopleFound(filter: String, [PreviewPerson])
        case pickPerson(login: String)
    }

    public enum Effect: Sendable, Equatable {
        case load
        /// Read the app's `/Schemas` (falls back to the standard attributes when it has none).
        case loadSchemas
        case findPeople(filter: String)
        case saveMapping(attribute: String, expression: String, applyOn: AttributeMapping.ApplyOn)
        case removeMapping(attribute: String)
    }

    public private(set) var phase: Phase = .loading
    public private(set) var catalogName = ""
    public private(set) var rows: [MappingRow] = []
    public private(set) var selectedIndex = 0
    public private(set) var isShowingUnmapped = false
    public private(set) var unmappedSource: UnmappedSource = .notLoaded
    /// Every attribute the app accepts, mapped or not, from its schemas or the standard list.
    public private(set) var knownAttributes: [UnmappedAttribute] = []
    public private(set) var draft: MappingDraft?
    public private(set) var isSaving = false
    public private(set) var peopleFilter = ""
    public private(set) var people: [PreviewPerson] = []
    /// The filter `people` answers; they are stale while it differs from `peopleFilter`.
    public private(set) var peopleAnswerFilter: String?
    public var peopleAreCurrent: Bool { peopleAnswerFilter == peopleFilter }
    public private(set) var previewPerson: PreviewPerson?
    public private(set) var notice: String?

    public init() {}

    // MARK: What the screen shows

    public var selectedRow: MappingRow? { rows.indices.contains(selectedIndex) ? rows[selectedIndex] : nil }

    /// The attributes the app accepts that no mapping fills.
    public var unmappedAttributes: [UnmappedAttribute] {
        knownAttributes.filter { known in !rows.contains { $0.attribute.caseInsensitiveCompare(known.attribute) == .orderedSame } }
    }

    /// Each mapping's value for the preview person (empty when no one is picked).
    public var previews: [MappingPreview] {
        guard let person = previewPerson else { return [] }
        return rows.map { MappingPreview.evaluate(attribute: $0.attribute, expression: $0.expression, profile: person.profile) }
    }

    /// The preview line: `givenName "José", familyName "Núñez", …`.
    public var previewLine: String? {
        guard previewPerson != nil else { return nil }
        return previews.map { preview in
            let shown = preview.error == nil ? MappingValueText.show(preview.value) : "(invalid expression)"
            return "\(preview.attribute) \(shown)"
        }.joined(separator: ", ")
    }

    /// Whether leaving now would lose an edited expression (the console asks first).
    public var hasUnsavedChanges: Bool { draft?.isChanged ?? false }

    /// The draft's value for the preview person, updated as the expression is typed.
    public var draftPreview: String? { draft?.preview(for: previewPerson) }

    // MARK: Update

    public mutating func send(_ intent: Intent) -> [Effect] {
        switch intent {
        case .appear:
            phase = .loading
            return [.load, .findPeople(filter: peopleFilter)]

        case .loaded(let snapshot):
            apply(snapshot)
            phase = .ready
            return []

        case .loadFailed(let reason):
            notice = "Could not read the mappings: \(reason)"
            phase = .ready
            return []

        case .select(let index):
            guard draft == nil, rows.indices.contains(index) else { return [] }
            selectedIndex = index
            return []

        case .moveSelection(let delta):
            guard draft == nil, !rows.isEmpty else { return [] }
            selectedIndex = min(max(0, selectedIndex + delta), rows.count - 1)
            return []

        case .toggleUnmapped:
            isShowingUnmapped.toggle()
            guard isShowingUnmapped, unmappedSource == .notLoaded else { return [] }
            unmappedSource = .loading
            return [.loadSchemas]

        case .connectionChanged:
            knownAttributes = []
            unmappedSource = isShowingUnmapped ? .loading : .notLoaded
            return isShowingUnmapped ? [.loadSchemas] : []

        case .schemasLoaded(let schemas):
            let attributes = UserSchemaAttributes.attributes(from: schemas)
            if attributes.isEmpty {
                knownAttributes = UserSchemaAttributes.standard
                unmappedSource = .standard(reason: "the app's /Schemas has no User schema")
            } else {
                knownAttributes = attributes
                unmappedSource = .provider
            }
            return []

        case .schemasUnavailable(let reason):
            knownAttributes = UserSchemaAttributes.standard
            unmappedSource = .standard(reason: reason)
            return []

        case .editSelected:
            guard draft == nil, let row = selectedRow else { return [] }
            guard row.isEditable else {
                notice = "\(row.attribute) is fixed by \(catalogName) and cannot be edited."
                return []
            }
            draft = MappingDraft(attribute: row.attribute, original: row.expression, expression: row.expression, applyOn: row.applyOn)
            notice = nil
            return []

        case .mapAttribute(let attribute):
            guard draft == nil else { return [] }
            if let index = rows.firstIndex(where: { $0.attribute.caseInsensitiveCompare(attribute) == .orderedSame }) {
                selectedIndex = index
                return send(.editSelected)
            }
            draft = MappingDraft(attribute: attribute, original: nil, expression: "", applyOn: .createAndUpdate)
            notice = nil
            return []

        case .editExpression(let text):
            guard !isSaving else { return [] }
            draft?.update(text)
            return []

        case .toggleApplyOn:
            guard let current = draft?.applyOn, !isSaving else { return [] }
            draft?.applyOn = current == .createAndUpdate ? .createOnly : .createAndUpdate
            return []

        case .saveDraft:
            guard let draft, !isSaving else { return [] }
            if let error = draft.errorText {
                notice = "Not saved: \(error)"
                return []
            }
            isSaving = true
            return [.saveMapping(attribute: draft.attribute, expression: draft.expression, applyOn: draft.applyOn)]

        case .cancelDraft:
            guard !isSaving else { return [] }
            draft = nil
            return []

        case .mappingSaved(let snapshot):
            let attribute = draft?.attribute
            apply(snapshot)
            if let attribute, let index = rows.firstIndex(where: { $0.attribute.caseInsensitiveCompare(attribute) == .orderedSame }) {
                selectedIndex = index
            }
            draft = nil
            isSaving = false
            notice = "Saved."
            return []

        case .mappingFailed(let reason):
            isSaving = false
            notice = "Not saved: \(reason)"
            return []

        case .removeSelected:
            guard draft == nil, !isSaving, let row = selectedRow else { return [] }
            guard row.isEditable else {
                notice = "\(row.attribute) is fixed by \(catalogName) and cannot be removed."
                return []
            }
            isSaving = true
            return [.removeMapping(attribute: row.attribute)]

        case .searchPeople(let filter):
            peopleFilter = filter
            return [.findPeople(filter: filter)]

        case let .peopleFound(filter, found):
            guard filter == peopleFilter else { return [] }
            people = found
            peopleAnswerFilter = filter
            if previewPerson == nil { previewPerson = found.first }
            return []

        case .pickPerson(let login):
            guard let person = people.first(where: { $0.login.caseInsensitiveCompare(login) == .orderedSame }) else {
                notice = "No person \(login) among the search results."
                return []
            }
            previewPerson = person
            return []
        }
    }

    private mutating func apply(_ snapshot: MappingsSnapshot) {
        catalogName = snapshot.catalogName
        rows = snapshot.mappings.map { MappingRow($0, catalogName: snapshot.catalogName) }
        selectedIndex = rows.isEmpty ? 0 : min(selectedIndex, rows.count - 1)
    }
}
