import Provisioning

/// The Sign On tab of one app (the guide's steps 1.7–1.11): read view, Edit, Save / Cancel, Preview SAML.
/// Elm-shaped: `send` changes the state and returns effects, plain values the Console runs and answers with intents.
/// The handlers live beside it by concern: the form (`SignOnTab+Form`), the preview and signing key (`SignOnTab+Preview`).
public struct SignOnTab: Sendable, Hashable {
    public enum Mode: Sendable, Hashable { case loading, reading, editing }

    public let appID: Int64
    public internal(set) var mode: Mode = .loading
    /// The settings as stored.
    public internal(set) var saved = SignOnConfiguration()
    public internal(set) var draft = SignOnDraft(SignOnConfiguration())
    /// The reason shown beside each field that is wrong.
    public internal(set) var problems: [SignOnField: String] = [:]
    public internal(set) var isSaving = false
    /// The "unsaved changes" prompt is showing.
    public internal(set) var confirmingLeave = false
    /// The "generate new certificate" prompt is showing.
    public internal(set) var confirmingRotation = false
    /// The app's signing certificate, once known.
    public internal(set) var certificate: SigningCertificateInfo?
    public internal(set) var preview: SignOnPreviewState?
    /// The person picker: what was typed and the people found for it.
    public internal(set) var personQuery = ""
    public internal(set) var personChoices: [PersonChoice] = []
    /// The search `personChoices` answer; they are stale while it differs from what the field holds.
    public internal(set) var personChoicesQuery: String?

    /// Whether the people listed were found for what the picker's field holds now.
    public var personChoicesAreCurrent: Bool { personChoicesQuery == personQuery.trimmingCharacters(in: .whitespaces) }
    public internal(set) var status: StatusLine?

    public init(appID: Int64) {
        self.appID = appID
    }

    /// The settings the tab shows: the form's while editing, else the stored ones.
    public var shown: SignOnConfiguration { mode == .editing ? draft.configuration : saved }

    public var hasUnsavedChanges: Bool { mode == .editing && draft.configuration != saved }

    public mutating func send(_ intent: SignOnIntent) -> [SignOnEffect] {
        switch intent {
        case .open: return open()
        case let .loaded(configuration, certificate): return loaded(configuration, certificate: certificate)
        case let .loadFailed(reason): return loadFailed(reason)
        case .edit: return edit()
        case let .setText(field, text): return setText(text, of: field)
        case let .chooseNameIDFormat(choice): return chooseNameIDFormat(choice)
        case let .chooseApplicationUsername(kind): return chooseApplicationUsername(kind)
        case .save: return save()
        case let .saved(configuration): return didSave(configuration)
        case let .saveFailed(reason): return saveFailed(reason)
        case .cancel: return cancel()
        case .leave: return leave()
        case .discardAndLeave: return discardAndLeave()
        case .stay: return stay()

        case let .searchPeople(query): return searchPeople(query)
        case let .peopleFound(query, people): return peopleFound(people, for: query)
        case let .peopleSearchFailed(reason): return peopleSearchFailed(reason)
        case let .previewSAML(login): return startPreview(login: login.trimmingCharacters(in: .whitespaces))
        case let .signingKeyReady(certificate): return signingKeyReady(certificate)
        case let .signingKeyFailed(reason): return signingKeyFailed(reason)
        case .rotateSigningKey: return askToRotate()
        case .cancelRotation: return cancelRotation()
        case .confirmRotation: return confirmRotation()
        case let .signingKeyRotated(certificate): return signingKeyRotated(certificate)
        case let .previewBuilt(document): return previewBuilt(document)
        case let .previewFailed(reason): return previewFailed(reason)
        case let .writePreview(directory): return writePreview(into: directory.trimmingCharacters(in: .whitespaces))
        case let .fileWritten(path): return fileWritten(path)
        case let .fileWriteFailed(path, reason): return fileWriteFailed(path, reason: reason)
        case .closePreview: return closePreview()
        }
    }

    /// "ACS URL and Audience URI", in the form's order.
    static func list(_ fields: some Sequence<SignOnField>) -> String {
        let set = Set(fields)
        let labels = SignOnField.allCases.filter(set.contains).map(\.label)
        guard labels.count > 1 else { return labels.first ?? "" }
        return labels.dropLast().joined(separator: ", ") + " and " + (labels.last ?? "")
    }
}
