import Provisioning

/// The form: load, Edit, typing with live validation, Save, Cancel, and the prompt before leaving unsaved changes.
extension SignOnTab {
    mutating func open() -> [SignOnEffect] {
        mode = .loading
        return [.load(appID: appID)]
    }

    mutating func loaded(_ configuration: SignOnConfiguration, certificate: SigningCertificateInfo?) -> [SignOnEffect] {
        saved = configuration
        draft = SignOnDraft(configuration)
        self.certificate = certificate
        problems = [:]
        mode = .reading
        return []
    }

    mutating func loadFailed(_ reason: String) -> [SignOnEffect] {
        mode = .reading
        status = .error("Could not read the Sign On settings: \(reason)")
        return []
    }

    mutating func edit() -> [SignOnEffect] {
        guard mode == .reading else { return [] }
        draft = SignOnDraft(saved)
        problems = [:]
        mode = .editing
        status = nil
        return []
    }

    mutating func setText(_ text: String, of field: SignOnField) -> [SignOnEffect] {
        guard mode == .editing, field != .nameIDFormat else { return [] }
        draft.setText(text, of: field)
        recheck(field)
        return []
    }

    mutating func chooseNameIDFormat(_ choice: NameIDFormatChoice) -> [SignOnEffect] {
        guard mode == .editing else { return [] }
        draft.nameIDFormat = choice
        return []
    }

    mutating func chooseApplicationUsername(_ kind: ApplicationUsername.Kind) -> [SignOnEffect] {
        guard mode == .editing else { return [] }
        // Start a custom expression from the current choice's, which is the usual edit ("user.email" → lower-cased …).
        if kind == .custom && draft.customExpression.isEmpty { draft.customExpression = draft.applicationUsername.expression }
        draft.usernameKind = kind
        recheck(.applicationUsername)
        return []
    }

    mutating func save() -> [SignOnEffect] {
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
    }

    mutating func didSave(_ configuration: SignOnConfiguration) -> [SignOnEffect] {
        isSaving = false
        saved = configuration
        draft = SignOnDraft(configuration)
        mode = .reading
        status = .info("Saved.")
        return []
    }

    mutating func saveFailed(_ reason: String) -> [SignOnEffect] {
        isSaving = false
        status = .error("Not saved: \(reason)")
        return []
    }

    mutating func cancel() -> [SignOnEffect] {
        guard mode == .editing else { return [] }
        discardDraft()
        status = nil
        return []
    }

    mutating func leave() -> [SignOnEffect] {
        guard !hasUnsavedChanges else {
            confirmingLeave = true
            status = .info("You have unsaved changes: discard them and leave, or keep editing?")
            return []
        }
        return [.close]
    }

    mutating func discardAndLeave() -> [SignOnEffect] {
        guard confirmingLeave else { return [] }
        discardDraft()
        status = nil
        return [.close]
    }

    mutating func stay() -> [SignOnEffect] {
        confirmingLeave = false
        status = nil
        return []
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
}
