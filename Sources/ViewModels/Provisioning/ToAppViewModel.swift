import Provisioning

/// Provisioning → To App (guide steps 2.5–2.7): **Edit**, *Create Users*, *Update User Attributes*,
/// *Deactivate Users*, **Save** / **Cancel**. Sync Password is never offered where the catalog says
/// the app lacks it; the screen shows the catalog's one-line reason instead.
public struct ToAppViewModel: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case loading
        case viewing
        case editing
    }

    public enum Intent: Sendable, Equatable {
        case appear
        case loaded(ToAppSnapshot)
        case loadFailed(String)
        case edit
        case toggle(ToAppOption)
        case save
        case saved(ProvisioningToggles)
        case saveFailed(String)
        case cancel
    }

    public enum Effect: Sendable, Equatable {
        case load
        case save(ProvisioningToggles)
    }

    /// One checkbox as the screen draws it.
    public struct Row: Sendable, Equatable {
        public var option: ToAppOption
        public var label: String
        public var isOn: Bool
        /// False where the app does not support the option, or outside Edit.
        public var isEnabled: Bool
    }

    public private(set) var phase: Phase = .loading
    public private(set) var saved = ToAppSnapshot(toggles: .allOff, catalogName: "", syncPasswordUnsupportedReason: nil)
    /// The checkboxes as shown: the saved ones, or the edited ones during Edit.
    public private(set) var toggles: ProvisioningToggles = .allOff
    public private(set) var isSaving = false
    public private(set) var notice: String?

    public init() {}

    // MARK: What the screen shows

    public var rows: [Row] {
        ToAppOption.allCases.map { option in
            Row(option: option, label: option.label, isOn: value(option, in: toggles),
                isEnabled: phase == .editing && !isSaving && supports(option))
        }
    }

    /// The line where Sync Password would be, e.g. "Sync Password is not offered: Axiad Cloud does not support …".
    public var syncPasswordNote: String? {
        saved.syncPasswordUnsupportedReason.map { "Sync Password is not offered: \($0)" }
    }

    /// Sync Password appears only where the catalog offers it.
    public var offersSyncPassword: Bool { saved.syncPasswordUnsupportedReason == nil }

    public var hasChanges: Bool { toggles != saved.toggles }

    /// Whether leaving now would lose edits (the console asks first).
    public var hasUnsavedChanges: Bool { phase == .editing && hasChanges }

    // MARK: Update

    public mutating func send(_ intent: Intent) -> [Effect] {
        switch intent {
        case .appear:
            phase = .loading
            return [.load]
        case .loaded(let snapshot):
            saved = snapshot
            toggles = snapshot.toggles
            phase = .viewing
            return []
        case .loadFailed(let reason):
            notice = "Could not read the settings: \(reason)"
            phase = .viewing
            return []
        case .edit:
            guard phase == .viewing else { return [] }
            toggles = saved.toggles
            notice = nil
            phase = .editing
            return []
        case .toggle(let option):
            guard phase == .editing, !isSaving, supports(option) else { return [] }
            set(option, to: !value(option, in: toggles))
            return []
        case .save:
            guard phase == .editing, !isSaving else { return [] }
            isSaving = true
            return [.save(toggles)]
        case .saved(let stored):
            saved.toggles = stored
            toggles = stored
            isSaving = false
            phase = .viewing
            notice = "Saved."
            return []
        case .saveFailed(let reason):
            isSaving = false
            notice = "Not saved: \(reason)"
            return []
        case .cancel:
            guard phase == .editing, !isSaving else { return [] }
            toggles = saved.toggles
            phase = .viewing
            return []
        }
    }

    private func supports(_ option: ToAppOption) -> Bool {
        switch option {
        case .createUsers: return saved.supportsCreateUsers
        case .updateUserAttributes: return saved.supportsUpdateUsers
        case .deactivateUsers: return saved.supportsDeactivateUsers
        }
    }

    private func value(_ option: ToAppOption, in toggles: ProvisioningToggles) -> Bool {
        switch option {
        case .createUsers: return toggles.createUsers
        case .updateUserAttributes: return toggles.updateUserAttributes
        case .deactivateUsers: return toggles.deactivateUsers
        }
    }

    private mutating func set(_ option: ToAppOption, to on: Bool) {
        switch option {
        case .createUsers: toggles.createUsers = on
        case .updateUserAttributes: toggles.updateUserAttributes = on
        case .deactivateUsers: toggles.deactivateUsers = on
        }
    }
}
