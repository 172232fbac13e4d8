import JSON
import SCIM

/// Writes a mapped profile into a SCIM User's JSON: into an empty user for a create, into what the
/// app returned for a full PUT, so attributes scimdeck does not map are kept as the app has them.
public enum ProfileEncoder {
    /// The body of `POST /Users`: the core schema, `active`, and every mapped value that is not null or empty.
    public static func newUser(_ profile: MappedProfile, active: Bool = true) -> SCIMUser {
        var user = SCIMUser(attributes: ["schemas": .array([.string(SCIMSchemaURN.user)])])
        apply(profile, to: &user, keepingNulls: false)
        user.active = active
        return user
    }

    /// Merges the profile into the app's copy. A mapping that now gives null or empty text removes
    /// the value: the directory emptied it, so the app should not keep the old one.
    public static func apply(_ profile: MappedProfile, to user: inout SCIMUser, keepingNulls: Bool = true) {
        for (attribute, mapped) in profile.values {
            // Normalised here too: a plain multi-valued path stored before `mapping set` normalised it.
            guard let path = SCIMAttributePath(attribute)?.normalizedForUser else { continue }
            let value = sendable(mapped)
            if value == nil && !keepingNulls { continue }
            set(value.map(JSONValue.string), at: path, in: &user)
        }
    }

    /// The mapped value as it is sent; nil (leave the attribute out) for null, empty or only
    /// whitespace: apps and validators refuse `"emails":[{"value":""}]`, and an empty string is
    /// no value a person has.
    public static func sendable(_ value: String?) -> String? {
        guard let value, !value.allSatisfy(\.isWhitespace) else { return nil }
        return value
    }

    private static func set(_ value: JSONValue?, at path: SCIMAttributePath, in user: inout SCIMUser) {
        if let urn = path.schemaURN {
            var container = user[attribute: urn]?.objectValue ?? [:]
            set(value, at: path, in: &container)
            user[attribute: urn] = container.isEmpty ? nil : .object(container)
            if !container.isEmpty && !user.schemas.contains(urn) {
                user.schemas = (user.schemas.isEmpty ? [SCIMSchemaURN.user] : user.schemas) + [urn]
            }
        } else {
            var object = user.attributes
            set(value, at: path, in: &object)
            user.attributes = object
        }
    }

    private static func set(_ value: JSONValue?, at path: SCIMAttributePath, in object: inout JSONObject) {
        switch (path.selector, path.subAttribute) {
        case (nil, nil):
            object.setSCIMValue(value, forKey: path.attribute)
        case (nil, let sub?):
            var complex = object.scimValue(forKey: path.attribute)?.objectValue ?? [:]
            complex.setSCIMValue(value, forKey: sub)
            object.setSCIMValue(complex.isEmpty ? nil : .object(complex), forKey: path.attribute)
        case (let selector?, let sub):
            var elements = object.scimValue(forKey: path.attribute)?.arrayValue ?? []
            let index = elements.firstIndex { matches($0, selector) }
            var element = index.flatMap { elements[$0].objectValue } ?? seed(selector)
            element.setSCIMValue(value, forKey: sub ?? "value")
            let isEmpty = element.keys.allSatisfy { ["primary", "type"].contains($0) }
            switch (index, isEmpty) {
            case (let index?, true): elements.remove(at: index)
            case (let index?, false): elements[index] = .object(element)
            case (nil, false): elements.append(.object(element))
            case (nil, true): break
            }
            object.setSCIMValue(elements.isEmpty ? nil : .array(elements), forKey: path.attribute)
        }
    }

    private static func matches(_ element: JSONValue, _ selector: SCIMAttributePath.Selector) -> Bool {
        switch selector {
        case .primary: return element["primary"]?.boolValue == true
        case .typeEquals(let type): return element["type"]?.stringValue?.lowercased() == type.lowercased()
        }
    }

    private static func seed(_ selector: SCIMAttributePath.Selector) -> JSONObject {
        switch selector {
        case .primary: return ["primary": .bool(true)]
        case .typeEquals(let type): return ["type": .string(type)]
        }
    }

    /// The value the app holds at a mapping's attribute, as text; nil when absent.
    public static func value(at attribute: String, in user: SCIMUser) -> String? {
        guard let path = SCIMAttributePath(attribute)?.normalizedForUser else { return nil }
        let object: JSONObject
        if let urn = path.schemaURN {
            guard let container = user[attribute: urn]?.objectValue else { return nil }
            object = container
        } else {
            object = user.attributes
        }
        let found: JSONValue?
        switch (path.selector, path.subAttribute) {
        case (nil, nil):
            found = object.scimValue(forKey: path.attribute)
        case (nil, let sub?):
            found = object.scimValue(forKey: path.attribute)?[sub]
        case (let selector?, let sub):
            let element = object.scimValue(forKey: path.attribute)?.arrayValue?.first { matches($0, selector) }
            found = element?[sub ?? "value"]
        }
        switch found {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: return found?.numberText
        }
    }
}
