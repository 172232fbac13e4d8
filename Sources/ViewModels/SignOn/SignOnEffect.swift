import Provisioning

/// Work the Sign On tab asks for; the Console (or `SignOnEffectRunner`) carries it out and sends the result
/// back as a `SignOnIntent`.
public enum SignOnEffect: Sendable, Hashable {
    /// Read the app's settings and the signing certificate, if there is one (never makes a key).
    case load(appID: Int64)
    case save(appID: Int64, SignOnConfiguration)
    /// Read the app's signing key, making and storing one when there is none.
    case prepareSigningKey(appID: Int64)
    /// People whose login, name or email contains the text, for the preview's person picker.
    case findPeople(String)
    /// Replace the app's signing key and certificate.
    case rotateSigningKey(appID: Int64)
    case buildPreview(appID: Int64, login: String, SignOnConfiguration)
    /// Write a file readable by its owner only (a signed Response signs its holder in until it expires).
    case writeFile(path: String, contents: String)
    /// Leave the tab.
    case close
}
