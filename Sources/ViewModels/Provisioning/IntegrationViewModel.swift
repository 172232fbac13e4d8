import Foundation
import Provisioning
import SCIM

/// Provisioning → Integration (guide steps 2.1–2.4): **Configure API Integration**, *Enable API
/// integration*, *Base URL*, *API Token*, **Test API Credentials**, **Save**.
///
/// Elm shape: the screen sends an `Intent`, `send` changes the state and returns `Effect`s for the
/// console to run (see `ProvisioningEffectRunner`); their results come back as intents.
///
/// The token typed or read from a file is held in a `SecretInput` and only ever shown as bullets;
/// once saved, the screen gets no more of it than `TokenHint` (`••••` and the last four characters).
public struct IntegrationViewModel: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case loading
        /// The saved settings, read-only, with **Configure API Integration** / **Edit**.
        case summary
        case editing
    }

    public enum Intent: Sendable, Equatable {
        case appear
        case loaded(IntegrationSnapshot)
        case loadFailed(String)
        /// **Configure API Integration** (or **Edit** once configured).
        case configure
        case setAPIIntegration(Bool)
        case editBaseURL(String)
        /// Characters typed or pasted into the API Token field.
        case typeToken(String)
        case deleteTokenCharacter
        case clearToken
        /// Read the token from a file (the guide: it arrives by secure file transfer).
        case readTokenFile(path: String)
        case tokenFileRead(path: String, SecretInput)
        case tokenFileFailed(path: String, reason: String)
        case testCredentials
        /// A test's outcome; `revision` says which URL and token it tested.
        case credentialsTested(SCIMCredentialCheck, revision: Int)
        case save
        /// The answer "Save anyway" to the prompt that the credentials were not verified.
        case confirmSaveUnverified
        case dismissConfirmation
        case saved(IntegrationSnapshot)
        case saveFailed(String)
        case cancel
    }

    public enum Effect: Sendable, Equatable {
        case load
        case readTokenFile(path: String)
        case testCredentials(baseURL: String, token: CredentialTester.Token, revision: Int)
        case save(IntegrationChange)
    }

    public private(set) var phase: Phase = .loading
    public private(set) var saved: IntegrationSnapshot
    public private(set) var apiIntegrationEnabled = false
    public private(set) var baseURL = ""
    /// The token being entered; empty keeps the stored one.
    public private(set) var tokenInput = SecretInput()
    /// The file the token being entered came from.
    public private(set) var tokenFile: String?
    public private(set) var credentialTest: CredentialTest = .notTested
    public private(set) var isConfirmingUnverifiedSave = false
    public private(set) var isSaving = false
    /// The last outcome worth a line on the status bar ("Saved.", a load or save failure).
    public private(set) var notice: String?

    /// Bumped on every change of the Base URL or the token: a verification holds for one revision only.
    public private(set) var credentialsRevision = 0
    private var verifiedRevision: Int?

    public init(appLabel: String) {
        saved = IntegrationSnapshot(appLabel: appLabel, apiIntegrationEnabled: false, baseURL: "", tokenHint: nil)
    }

    public var appLabel: String { saved.appLabel }

    // MARK: What the screen shows

    /// The API Token field: bullets while a token is entered, else the stored token's hint.
    public var tokenDisplay: String {
        if !tokenInput.isEmpty {
            return tokenInput.masked + (tokenFile.map { " (from \($0))" } ?? "")
        }
        return saved.tokenHint ?? ""
    }

    /// The reason beside the Base URL field, if any. An empty URL is fine while integration is off.
    public var baseURLProblem: String? {
        if !apiIntegrationEnabled && baseURL.isEmpty { return nil }
        return BaseURLRule.problem(baseURL)
    }

    /// The reason beside the API Token field, if any.
    public var tokenProblem: String? {
        if !tokenInput.isEmpty {
            return tokenInput.token == nil ? "The token holds spaces or control characters: check it was copied whole" : nil
        }
        if apiIntegrationEnabled && saved.tokenHint == nil { return "Enter the API token, or read it from a file" }
        return nil
    }

    public var credentialStatusText: String? { credentialTest.statusText(appLabel: appLabel) }

    public var canTestCredentials: Bool {
        phase == .editing && credentialTest != .testing && BaseURLRule.problem(baseURL) == nil && tokenToTest != nil
    }

    /// Whether the URL or token differ from what is stored (a change that must be verified before Save).
    public var credentialsChanged: Bool {
        baseURL != saved.baseURL || !tokenInput.isEmpty
    }

    /// Whether the URL and token as they are now were verified by the last test.
    public var isVerified: Bool { verifiedRevision == credentialsRevision && credentialTest.succeeded }

    /// Why **Save** cannot run at all (not merely unverified); nil when it can.
    public var saveProblem: String? {
        guard phase == .editing else { return "Press Configure API Integration first" }
        if isSaving { return "Saving…" }
        return baseURLProblem ?? tokenProblem
    }

    /// **Save** is enabled once the credentials as they are now were verified, or nothing about them changed.
    public var isSaveEnabled: Bool {
        saveProblem == nil && (!credentialsChanged || isVerified)
    }

    /// Whether leaving the form now would lose edits (the console asks first).
    public var hasUnsavedChanges: Bool {
        phase == .editing && (credentialsChanged || apiIntegrationEnabled != saved.apiIntegrationEnabled)
    }

    /// The summary's button: the guide's **Configure API Integration** until integration is on, then **Edit**.
    public var configureLabel: String {
        saved.apiIntegrationEnabled ? "Edit" : "Configure API Integration"
    }

    public var confirmationText: String? {
        isConfirmingUnverifiedSave
            ? "The API credentials were not verified since the last change. Save anyway?"
            : nil
    }

    // MARK: Update

    public mutating func send(_ intent: Intent) -> [Effect] {
        switch intent {
        case .appear:
            phase = .loading
            return [.load]

        case .loaded(let snapshot):
            saved = snapshot
            revert()
            phase = .summary
            return []

        case .loadFailed(let reason):
            notice = "Could not read the settings: \(reason)"
            phase = .summary
            return []

        case .configure:
            guard phase == .summary else { return [] }
            revert()
            phase = .editing
            return []

        case .setAPIIntegration(let on):
            guard phase == .editing else { return [] }
            apiIntegrationEnabled = on
            return []

        case .editBaseURL(let text):
            guard phase == .editing, text != baseURL else { return [] }
            baseURL = text
            credentialsDidChange()
            return []

        case .typeToken(let text):
            guard phase == .editing, !text.isEmpty else { return [] }
            if tokenFile != nil {
                // Typing over a token read from a file starts a new one.
                tokenInput.clear()
                tokenFile = nil
            }
            tokenInput.append(text)
            credentialsDidChange()
            return []

        case .deleteTokenCharacter:
            guard phase == .editing, !tokenInput.isEmpty else { return [] }
            tokenInput.deleteBackward()
            if tokenInput.isEmpty { tokenFile = nil }
            credentialsDidChange()
            return []

        case .clearToken:
            guard phase == .editing, !tokenInput.isEmpty else { return [] }
            tokenInput.clear()
            tokenFile = nil
            credentialsDidChange()
            return []

        case .readTokenFile(let path):
            guard phase == .editing else { return [] }
            return [.readTokenFile(path: path)]

        case .tokenFileRead(let path, let input):
            guard phase == .editing else { return [] }
            tokenInput = input
            tokenFile = path
            notice = nil
            credentialsDidChange()
            return []

        case .tokenFileFailed(let path, let reason):
            notice = "Could not read the token from \(path): \(reason)"
            return []

        case .testCredentials:
            guard canTestCredentials, let token = tokenToTest else { return [] }
            credentialTest = .testing
            return [.testCredentials(baseURL: trimmedBaseURL, token: token, revision: credentialsRevision)]

        case .credentialsTested(let check, let revision):
            // A test of a URL or token the admin has since changed says nothing about the current ones.
            guard revision == credentialsRevision, credentialTest == .testing else { return [] }
            credentialTest = .finished(check)
            verifiedRevision = check.succeeded ? revision : nil
            return []

        case .save:
            if let problem = saveProblem {
                notice = problem
                return []
            }
            guard isSaveEnabled else {
                isConfirmingUnverifiedSave = true
                return []
            }
            return startSave()

        case .confirmSaveUnverified:
            guard isConfirmingUnverifiedSave, saveProblem == nil else { return [] }
            isConfirmingUnverifiedSave = false
            return startSave()

        case .dismissConfirmation:
            isConfirmingUnverifiedSave = false
            return []

        case .saved(let snapshot):
            saved = snapshot
            isSaving = false
            revert()
            phase = .summary
            notice = "Saved."
            return []

        case .saveFailed(let reason):
            isSaving = false
            notice = "Not saved: \(reason)"
            return []

        case .cancel:
            guard phase == .editing, !isSaving else { return [] }
            revert()
            phase = .summary
            return []
        }
    }

    // MARK: Helpers

    private var trimmedBaseURL: String { baseURL.trimmingCharacters(in: .whitespaces) }

    private var tokenToTest: CredentialTester.Token? {
        if !tokenInput.isEmpty { return tokenInput.token.map(CredentialTester.Token.given) }
        return saved.tokenHint == nil ? nil : .stored
    }

    private mutating func credentialsDidChange() {
        credentialsRevision += 1
        verifiedRevision = nil
        credentialTest = .notTested
        isConfirmingUnverifiedSave = false
    }

    private mutating func startSave() -> [Effect] {
        isSaving = true
        notice = nil
        return [.save(IntegrationChange(apiIntegrationEnabled: apiIntegrationEnabled, baseURL: trimmedBaseURL, token: tokenInput.token))]
    }

    /// The form back to what is stored, the entered token forgotten.
    private mutating func revert() {
        apiIntegrationEnabled = saved.apiIntegrationEnabled
        baseURL = saved.baseURL
        tokenInput.clear()
        tokenFile = nil
        isConfirmingUnverifiedSave = false
        credentialsDidChange()
    }
}
