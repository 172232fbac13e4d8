import Foundation

/// A signed SAML Response ready to hand over or to POST to the app.
public struct SAMLPreview: Hashable, Sendable {
    /// The Response document, exactly as signed (UTF-8, no XML declaration).
    public let xml: String
    /// The ACS URL the browser posts to.
    public let acsURL: String
    /// The Default Relay State, posted as `RelayState`; empty for none.
    public let relayState: String
    public let responseID: String
    public let assertionID: String
    public let issueInstant: Date
    /// The end of the Conditions window (and of the bearer confirmation).
    public let notOnOrAfter: Date

    /// The `SAMLResponse` form value for the HTTP-POST binding.
    public var base64: String { Data(xml.utf8).base64EncodedString() }

    /// The form fields to POST to the ACS URL: SAMLResponse, and RelayState when set.
    public var formFields: [(name: String, value: String)] {
        var fields = [(name: "SAMLResponse", value: base64)]
        if !relayState.isEmpty { fields.append((name: "RelayState", value: relayState)) }
        return fields
    }

    /// A page that posts the Response to the ACS URL when opened in a browser.
    public var autoPostHTML: String {
        let inputs = formFields.map { field in
            "<input type=\"hidden\" name=\"\(field.name)\" value=\"\(XMLText.escapeAttribute(field.value))\"/>"
        }.joined(separator: "\n    ")
        return """
        <!DOCTYPE html>
        <html><body onload="document.forms[0].submit()">
          <form method="post" action="\(XMLText.escapeAttribute(acsURL))">
            \(inputs)
            <noscript><button type="submit">Continue</button></noscript>
          </form>
        </body></html>

        """
    }
}
