import SCIM

/// The User attributes an app can be sent, as mapping paths: from its `/Schemas` when it publishes
/// them, else RFC 7643's core User and enterprise extension attributes.
public enum UserSchemaAttributes {
    static let coreUser = "urn:ietf:params:scim:schemas:core:2.0:User"
    static let enterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    /// Never offered for mapping: the engine owns `active` (Deactivate Users), and scimdeck holds no
    /// passwords to send (Sync Password is not offered).
    static let engineOwned: Set<String> = ["active", "password"]

    /// The attributes of the User schema and its extensions among `schemas`; empty when there is no User schema.
    public static func attributes(from schemas: [SCIMSchema]) -> [UnmappedAttribute] {
        guard schemas.contains(where: { $0.id == coreUser }) else { return [] }
        let ordered = schemas.filter { $0.id == coreUser } + schemas.filter { isUserExtension($0.id) }
        return ordered.flatMap { schema in
            let prefix = schema.id == coreUser ? "" : (schema.id ?? "") + ":"
            return schema.schemaAttributes.flatMap { paths(of: $0, prefix: prefix) }
        }
    }

    private static func isUserExtension(_ id: String?) -> Bool {
        guard let id, id != coreUser else { return false }
        return id.hasPrefix("urn:") && id.hasSuffix(":User")
    }

    /// `name` → `name.givenName`, …; `emails` → `emails[primary].value`, …; read-only ones left out.
    private static func paths(of attribute: SCIMSchema.Attribute, prefix: String) -> [UnmappedAttribute] {
        guard let name = attribute.name, attribute.mutability != "readOnly", !engineOwned.contains(name) else { return [] }
        let subs = attribute.subAttributes.filter { sub in
            sub.mutability != "readOnly" && sub.name != nil && sub.name != "primary" && sub.name != "$ref"
        }
        if attribute.type != "complex" || subs.isEmpty {
            return [UnmappedAttribute(attribute: prefix + name, type: attribute.type ?? "string", summary: description(attribute))]
        }
        let head = attribute.multiValued ? "\(name)[primary]" : name
        return subs.map { sub in
            UnmappedAttribute(attribute: "\(prefix)\(head).\(sub.name ?? "")", type: sub.type ?? "string", summary: description(sub))
        }
    }

    private static func description(_ attribute: SCIMSchema.Attribute) -> String? {
        attribute.json.scimValue(forKey: "description")?.stringValue
    }

    /// RFC 7643 §4.1 and §4.3, for apps whose `/Schemas` cannot be read (Okta-style apps publish none).
    public static let standard: [UnmappedAttribute] = {
        let core = [
            "userName", "name.formatted", "name.familyName", "name.givenName", "name.middleName",
            "name.honorificPrefix", "name.honorificSuffix", "displayName", "nickName", "profileUrl", "title",
            "userType", "preferredLanguage", "locale", "timezone", "externalId",
            "emails[primary].value", "emails[primary].type",
            "phoneNumbers[primary].value", "phoneNumbers[primary].type",
            "ims[primary].value", "ims[primary].type", "photos[primary].value", "photos[primary].type",
            "addresses[primary].formatted", "addresses[primary].streetAddress", "addresses[primary].locality",
            "addresses[primary].region", "addresses[primary].postalCode", "addresses[primary].country",
            "addresses[primary].type",
            "entitlements[primary].value", "roles[primary].value", "x509Certificates[primary].value",
        ].map { UnmappedAttribute(attribute: $0) }
        let enterprise = ["employeeNumber", "costCenter", "organization", "division", "department", "manager.value"]
            .map { UnmappedAttribute(attribute: "\(enterpriseUser):\($0)") }
        return core + enterprise
    }()
}
