import Foundation
import Provisioning
import Terminal
import ViewModels

/// Preview SAML: whom the Response is for, what the app will see in it, the certificate that signed it,
/// the first lines of the signed XML, and which files were written.
struct SignOnPreviewView {
    let state: SignOnScreenState
    let spinnerFrame: Int

    func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard let preview = state.tab.preview else { return }
        var lines = LineWriter(area: area)
        lines.heading("Preview SAML · \(preview.personLogin)", trailing: "[w] write files  [p] person  Esc close", frame: &frame, theme: theme)
        switch preview.phase {
        case .preparingKey:
            lines.text(Spinner.frame(spinnerFrame) + " Making the app's signing key (first use)…", role: .muted, frame: &frame, theme: theme)
        case .building:
            lines.text(Spinner.frame(spinnerFrame) + " Signing a Response for \(preview.personLogin)…", role: .muted, frame: &frame, theme: theme)
        case .failed(let reason):
            lines.text("✗ " + reason, role: .error, frame: &frame, theme: theme)
        case .ready(let document):
            lines.field("Person", document.personName.isEmpty ? document.personLogin : "\(document.personName) (\(document.personLogin))", frame: &frame, theme: theme)
            lines.field("Name ID", "\(document.nameID)  (\(preview.configuration.nameIDFormat.label))", role: .accent, frame: &frame, theme: theme)
            lines.field("Posted to (ACS URL)", document.acsURL, frame: &frame, theme: theme)
            lines.field("Audience URI", preview.configuration.audienceURI, frame: &frame, theme: theme)
            lines.field("Relay State", document.relayState.isEmpty ? "—" : document.relayState, frame: &frame, theme: theme)
            lines.field("Valid until", DateText.time(document.notOnOrAfter), frame: &frame, theme: theme)
            lines.field("IdP entity ID", document.entityID, frame: &frame, theme: theme)
            lines.field("IdP SSO URL", document.ssoURL, frame: &frame, theme: theme)
            lines.field("Signed with", "SHA-256 " + document.certificate.fingerprintSHA256, frame: &frame, theme: theme)
            if !preview.writtenFiles.isEmpty {
                lines.field("Written", preview.writtenFiles.joined(separator: ", "), role: .success, frame: &frame, theme: theme)
            }
            lines.skip()
            for line in Self.excerpt(document.responseXML) {
                lines.text(line, role: .muted, frame: &frame, theme: theme)
            }
        }
    }

    /// The signed Response broken at its elements, without the signatures' own elements, for a first
    /// look at what the app receives (the written file holds it whole).
    static func excerpt(_ xml: String) -> [String] {
        var lines: [String] = []
        var signatureDepth = 0
        for line in xml.replacingOccurrences(of: "><", with: ">\n<").split(separator: "\n") {
            if line.hasPrefix("<ds:Signature") { signatureDepth += 1 }
            if signatureDepth == 0 { lines.append(String(line)) }
            if line.hasPrefix("</ds:Signature>") { signatureDepth = max(0, signatureDepth - 1) }
        }
        return lines
    }
}
