import Foundation
import SCIM

/// Where a mapping's attribute lives in a SCIM User: `userName`, `name.givenName`,
/// `emails[primary].value`, `phoneNumbers[type eq "work"].value`, or any of these behind an
/// extension URN (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department`).
public struct SCIMAttributePath: Sendable, Equatable {
    /// Which element of a multi-valued attribute.
    public enum Selector: Sendable, Equatable {
        case primary
        case typeEquals(String)
    }

    /// The extension URN the attribute sits under, nil for the core schema.
    public var schemaURN: String?
    public var attribute: String
    public var selector: Selector?
    public var subAttribute: String?

    public init?(_ text: String) {
        var rest = Substring(text)
        if text.lowercased().hasPrefix("urn:"), let colon = Self.lastColonBeforeAttribute(text) {
            schemaURN = String(text[..<colon])
            rest = text[text.index(after: colon)...]
        } else {
            schemaURN = nil
        }
        if let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else { return nil }
            attribute = String(rest[..<open])
            let filter = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if filter.lowercased() == "primary" || filter.lowercased() == "primary eq true" {
                selector = .primary
            } else if let type = Self.typeValue(filter) {
                selector = .typeEquals(type)
            } else {
                return nil
            }
            let after = rest[rest.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(".") else { return nil }
            subAttribute = after.isEmpty ? nil : String(after.dropFirst())
        } else {
            selector = nil
            let parts = rest.split(separator: ".", maxSplits: 1).map(String.init)
            guard let first = parts.first else { return nil }
            attribute = first
            subAttribute = parts.count == 2 ? parts[1] : nil
        }
        guard !attribute.isEmpty, subAttribute?.isEmpty != true else { return nil }
    }

    /// In `urn:…:User:name.givenName` the attribute starts after the last colon.
    private static func lastColonBeforeAttribute(_ text: String) -> String.Index? {
        let head = text.firstIndex(of: "[").map { text[..<$0] } ?? Substring(text)
        return head.lastIndex(of: ":")
    }

    /// `type eq "work"` → work.
    private static func typeValue(_ filter: String) -> String? {
        let parts = filter.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0].lowercased() == "type", parts[1].lowercased() == "eq" else { return nil }
        return parts[2].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    /// The path as RFC 7644 §3.5.2 writes it in a PATCH: `emails[primary eq true].value`.
    public var patchPath: String {
        var path = attribute
        switch selector {
        case .primary: path += "[primary eq true]"
        case .typeEquals(let type): path += "[type eq \"\(type)\"]"
        case nil: break
        }
        if let subAttribute { path += "." + subAttribute }
        return schemaURN.map { "\($0):\(path)" } ?? path
    }

    /// The core User's multi-valued attributes (RFC 7643 §4.1.2): each value is an element of an
    /// array, so a plain path (`emails.value`) names no element and would be sent as an object.
    static let multiValuedUserAttributes = ["emails", "phoneNumbers", "ims", "photos", "addresses", "entitlements", "roles", "x509Certificates"]

    /// The path with an element selector where a plain path names a multi-valued attribute:
    /// `emails.value` → `emails[primary].value`, `addresses.locality` → `addresses[type eq "work"].locality`
    /// (an address has no `value`; the work address is what a directory holds). Any other path is returned as it is.
    public var normalizedForUser: SCIMAttributePath {
        guard selector == nil,
              schemaURN == nil || schemaURN?.caseInsensitiveCompare(SCIMSchemaURN.user) == .orderedSame,
              let canonical = Self.multiValuedUserAttributes.first(where: { $0.caseInsensitiveCompare(attribute) == .orderedSame })
        else { return self }
        var normalized = self
        normalized.schemaURN = nil
        normalized.attribute = canonical
        if canonical == "addresses" {
            normalized.selector = .typeEquals("work")
        } else {
            normalized.selector = .primary
            normalized.subAttribute = subAttribute ?? "value"
        }
        return normalized
    }

    /// The path as a mapping stores it, in the catalog's spelling: `emails[primary].value`.
    public var mappingText: String {
        var path = attribute
        switch selector {
        case .primary: path += "[primary]"
        case .typeEquals(let type): path += "[type eq \"\(type)\"]"
        case nil: break
        }
        if let subAttribute { path += "." + subAttribute }
        return schemaURN.map { "\($0):\(path)" } ?? path
    }
}
