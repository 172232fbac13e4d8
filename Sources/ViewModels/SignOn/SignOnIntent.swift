import Provisioning

/// Everything that changes the Sign On tab: what the admin does, and the results of its effects.
public enum SignOnIntent: Sendable, Hashable {
    // The admin
    case open
    case edit
    /// Typing in a text field; `.applicationUsername` is the custom expression.
    case setText(SignOnField, String)
    case chooseNameIDFormat(NameIDFormatChoice)
    case chooseApplicationUsername(ApplicationUsername.Kind)
    case save
    case cancel
    /// Esc / another tab: asks first when the form has unsaved changes.
    case leave
    /// "Discard changes" in the leave prompt.
    case discardAndLeave
    /// "Keep editing" in the leave prompt.
    case stay
    /// Typing in the preview's person picker (predictive search).
    case searchPeople(String)
    case previewSAML(login: String)
    /// Write the Response, the IdP metadata and the auto-post page into a directory.
    case writePreview(directory: String)
    case closePreview
    /// "Generate new certificate": asks first, since apps trusting the old certificate will refuse new sign-ons.
    case rotateSigningKey
    case confirmRotation
    case cancelRotation

    // Results of effects
    case loaded(SignOnConfiguration, certificate: SigningCertificateInfo?)
    case loadFailed(String)
    case saved(SignOnConfiguration)
    case saveFailed(String)
    case signingKeyReady(SigningCertificateInfo)
    case signingKeyFailed(String)
    case signingKeyRotated(SigningCertificateInfo)
    case peopleFound(query: String, [PersonChoice])
    case peopleSearchFailed(String)
    case previewBuilt(SignOnPreview)
    case previewFailed(String)
    case fileWritten(path: String)
    case fileWriteFailed(path: String, reason: String)
}
