/// The focusable parts of the Provisioning tab's forms, in Tab order. The raw value is the
/// index in the form's `FocusRing`.
enum IntegrationControl: Int, CaseIterable {
    case enable, baseURL, token, tokenFile, test, save, cancel

    /// A field takes typed keys (so `q`, `?` and `:` are text there).
    var isTextField: Bool { self == .baseURL || self == .token || self == .tokenFile }
    var isButton: Bool { rawValue >= Self.test.rawValue }
}

/// To App while editing: the three checkboxes, then Save and Cancel.
enum ToAppControl: Int, CaseIterable {
    case createUsers, updateUserAttributes, deactivateUsers, save, cancel

    var isButton: Bool { self == .save || self == .cancel }
}

/// One mapping's expression while it is edited.
enum DraftControl: Int, CaseIterable {
    case expression, applyOn, save, cancel

    var isButton: Bool { self == .save || self == .cancel }
}
