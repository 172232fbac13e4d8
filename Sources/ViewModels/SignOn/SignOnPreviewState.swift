import Provisioning

/// The Preview SAML panel: which person and settings it is for, how far the signed Response got,
/// and which of its files were written.
public struct SignOnPreviewState: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        /// The app's signing key is being read, or made on first use.
        case preparingKey
        case building
        case ready(SignOnPreview)
        case failed(String)
    }

    public var personLogin: String
    /// The settings previewed: the form's, saved or not.
    public var configuration: SignOnConfiguration
    public var phase: Phase
    /// Files asked for and not yet reported written.
    public var pendingFiles: [String] = []
    public var writtenFiles: [String] = []

    public var document: SignOnPreview? {
        if case .ready(let preview) = phase { return preview }
        return nil
    }
}
