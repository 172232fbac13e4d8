import Provisioning

/// The Sign On tab of one app (the guide's steps 1.7–1.11): read view, Edit, Save / Cancel, Preview SAML.
/// Elm-shaped: `send` changes the state and returns effects, plain values the Console runs and answers with intents.
public struct SignOnTab: Sendable, Hashable {
    public enum Mode: Sendable, Hashable { case loading, reading, editing }

    public let appID: Int64
    public private(set) var mode: Mode = .loading
    /// The settings as stored.
    public private(set) var saved = SignOnConfiguration()
    public private(set) var draft = SignOnDraft(SignOnConfiguration())
    /// The reason shown beside each field that is wrong.
    public private(set) var problems: [SignOnField: String] = [:]
    public private(set) var isSaving = false
    /// The "unsaved changes" prompt is showing.
    public private(set) var confirmingLeave = false
    /// The "generate new certificate" prompt is showing.
    public private(set) var confirmingRotation = false
    /// The workspace signing certificate, once known.
    public private(set) var certificate: SigningCertificateInfo?
    public private(set) var preview: SignOnPreviewState?
    /// The person picker: what was typed and the people found for it.
    public private(set) var personQuery = ""
    public private(set) var personChoices: [PersonChoice] = []
    public private(set) var status: StatusLine?

    public init(appID: Int64) {
        self.appID = appID
    }

    /// The settings the tab shows: the form's while editing, else the stored ones.
    public var shown: SignOnConfiguration { mode == .editing ? draft.configuration : saved }

    public var hasUnsavedChanges: Bool { mode == .editing && draft.configuration != saved }

    public mutating func send(_ intent: SignOnIntent) -> [SignOnEffect] {
        switch intent {
        case .open:
            mode = .loading
            return [.load(appID: appID)]
        case let .loaded(configuration, certificate):
            saved = configuration
            draft = SignOnDraft(configuration)
            self.certificate = certificate
            problems = [:]
            mode = .reading
            return []
        case let .loadFailed(reason):
            mode = .reading
            status = .error("Could not read the Sign On settings: \(reason)")
            return []

        case .edit:
            guard mode == .reading else { return [] }
            draft = SignOnDraft(saved)
            problems = [:]
            mode = .editing
            status = nil
            return []
        case let .setText(field, text):
            guard mode == .editing, field != .nameIDFormat else { return [] }
            draft.setText(text, of: field)
            recheck(field)
            return []
        case let .chooseNameIDFormat(choice):
            guard mode == .editing else { return [] }
            draft.nameIDFormat = choice
            return []
        case let .chooseApplicationUsername(kind):
            guard mode == .editing else { return [] }
            // Start a custom expression from the current choice's, which is the usual edit ("user.email" → lower-cased …).
            if kind == .custom && draft.customExpression.isEmpty { draft.customExpression = draft.applicationUsername.expression }
            draft.usernameKind = kind
            recheck(.applicationUsername)
            return []

        case .save:
            guard mode == .editing, !isSaving else { return [] }
            let configuration = draft.configuration
            problems = configuration.problems
            guard problems.isEmpty else {
                status = .error("Fix \(Self.list(problems.keys)) before saving.")
                return []
            }
            guard configuration != saved else {
                mode = .reading
                status = .info("No changes to save.")
                return []
            }
            isSaving = true
            status = .info("Saving…")
            return [.save(appID: appID, configuration)]
        case let .saved(configuration):
            isSaving = false
            saved = configuration
            draft = SignOnDraft(configuration)
            mode = .reading
            status = .info("Saved.")
            return []
        case let .saveFailed(reason):
            isSaving = false
            status = .error("Not saved: \(reason)")
            return []
        case .cancel:
            guard mode == .editing else { return [] }
            discardDraft()
            status = nil
            return []

        case .leave:
            guard !hasUnsavedChanges else {
                confirmingLeave = true
                status = .info("You have unsaved changes: discard them and leave, or keep editing?")
                return []
            }
            return [.close]
        case .discardAndLeave:
            guard confirmingLeave else { return [] }
            discardDraft()
            status = nil
            return [.close]
        case .stay:
            confirmingLeave = false
            status = nil
            return []

        case let .searchPeople(query):
            personQuery = query
            return [.findPeople(query.trimmingCharacters(in: .whitespaces))]
        case let .peopleFound(query, people):
            // Answers to earlier keystrokes may arrive late: keep only the one for what the field now holds.
            guard query == personQuery.trimmingCharacters(in: .whitespaces) else { return [] }
            personChoices = people
            return []
        case let .peopleSearchFailed(reason):
            personChoices = []
            status = .error("Could not search the directory: \(reason)")
            return []
        case let .previewSAML(login):
            return startPreview(login: login.trimmingCharacters(in: .whitespaces))
        case let .signingKeyReady(certificate):
            self.certificate = certificate
            guard var preview, preview.phase == .preparingKey else { return [] }
            preview.phase = .building
            self.preview = preview
            return [.buildPreview(appID: appID, login: preview.personLogin, preview.configuration)]
        case let .signingKeyFailed(reason):
            if preview?.phase == .preparingKey { preview?.phase = .failed(reason) }
            status = .error("No signing key: \(reason)")
            return []
        case .rotateSigningKey:
            confirmingRotation = true
            status = .info("A new certificate breaks sign-on to every app that trusts the old one until it gets the new metadata. Generate it?")
            return []
        case .cancelRotation:
            confirmingRotation = false
            status = nil
            return []
        case .confirmRotation:
            guard confirmingRotation else { return [] }
            confirmingRotation = false
            status = .info("Generating a new signing key…")
            return [.rotateSigningKey]
        case let .signingKeyRotated(certificate):
            self.certificate = certificate
            // A Response signed with the old key no longer matches the metadata the app will be given.
            preview = nil
            status = .info("New signing certificate \(certificate.fingerprintSHA256): give the app the new IdP metadata.")
            return []
        case let .previewBuilt(document):
            guard preview?.personLogin.lowercased() == document.personLogin.lowercased() else { return [] }
            preview?.phase = .ready(document)
            certificate = document.certificate
            status = .info("Preview SAML for \(document.personLogin): Name ID \(document.nameID)")
            return []
        case let .previewFailed(reason):
            guard preview != nil else { return [] }
            preview?.phase = .failed(reason)
            status = .error(reason)
            return []
        case let .writePreview(directory):
            return writePreview(into: directory.trimmingCharacters(in: .whitespaces))
        case let .fileWritten(path):
            guard var preview, let index = preview.pendingFiles.firstIndex(of: path) else { return [] }
            preview.pendingFiles.remove(at: index)
            preview.writtenFiles.append(path)
            self.preview = preview
            if preview.pendingFiles.isEmpty {
                status = .info("Wrote \(preview.writtenFiles.joined(separator: ", ")) (readable by you only)")
            }
            return []
        case let .fileWriteFailed(path, reason):
            preview?.pendingFiles.removeAll { $0 == path }
            status = .error("Could not write \(path): \(reason)")
            return []
        case .closePreview:
            preview = nil
            return []
        }
    }

    private mutating func startPreview(login: String) -> [SignOnEffect] {
        guard mode != .loading else { return [] }
        guard !login.isEmpty else {
            status = .error("Choose a person to preview the SAML Response for.")
            return []
        }
        let configuration = shown
        let missing = configuration.problems
        guard missing.isEmpty else {
            if mode == .editing { problems = missing }
            status = .error("Preview SAML needs a valid \(Self.list(missing.keys))\(mode == .reading ? ": press Edit" : "").")
            return []
        }
        let needsKey = certificate == nil
        preview = SignOnPreviewState(personLogin: login, configuration: configuration, phase: needsKey ? .preparingKey : .building)
        status = .info(needsKey ? "Making the signing key…" : "Signing a Response for \(login)…")
        return needsKey ? [.prepareSigningKey] : [.buildPreview(appID: appID, login: login, configuration)]
    }

    private mutating func writePreview(into directory: String) -> [SignOnEffect] {
        guard var preview, let document = preview.document else {
            status = .error("There is no preview to write yet.")
            return []
        }
        guard !directory.isEmpty else {
            status = .error("Enter the directory to write the preview files into.")
            return []
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let files = document.files.map { (path: "\(base)/\($0.name)", contents: $0.contents) }
        preview.pendingFiles = files.map(\.path)
        preview.writtenFiles = []
        self.preview = preview
        status = .info("Writing the preview files…")
        return files.map { .writeFile(path: $0.path, contents: $0.contents) }
    }

    private mutating func recheck(_ field: SignOnField) {
        problems[field] = draft.configuration.problems[field]
    }

    private mutating func discardDraft() {
        draft = SignOnDraft(saved)
        problems = [:]
        confirmingLeave = false
        if mode == .editing { mode = .reading }
    }

    /// "ACS URL and Audience URI", in the form's order.
    private static func list(_ fields: some Sequence<SignOnField>) -> String {
        let set = Set(fields)
        let labels = SignOnField.allCases.filter(set.contains).map(\.label)
        guard labels.count > 1 else { return labels.first ?? "" }
        return labels.dropLast().joined(separator: ", ") + " and " + (labels.last ?? "")
    }
}
