import Foundation
import SCIM
import Store

/// The Attribute Mappings of one app: listed, set, unset and previewed with the catalog's rules
/// (a mapping the catalog fixes is refused). `scimdeck mapping` and the console's To App tab both go
/// through it, so the command line and the screen can never disagree on what is allowed.
public struct AppMappings: Sendable {
    public let store: ScimdeckStore
    public let appID: Int64
    public let catalogEntry: CatalogEntry?

    public init(store: ScimdeckStore, app: Saved<AppIntegration>) {
        self.store = store
        appID = app.id
        catalogEntry = Catalog.entry(named: app.catalogEntry)
    }

    /// The app's name as the catalog gives it, for messages.
    public var appName: String { catalogEntry?.name ?? "this app" }

    /// The mappings in the order the app holds them; the catalog's defaults when none are stored
    /// (the planner does the same). `isEditable` comes from the catalog.
    public func list() throws -> [AttributeMapping] {
        let stored = try store.records(Store.AttributeMapping.self).all(appId: appID)
        if stored.isEmpty { return catalogEntry?.defaultMappings ?? [] }
        return stored.map { row in
            AttributeMapping(attribute: row.scimAttribute, expression: row.expression,
                             applyOn: row.applyOn == .createOnly ? .createOnly : .createAndUpdate,
                             isEditable: isEditable(row.scimAttribute))
        }
    }

    /// False where the catalog fixes the mapping (Axiad Cloud: userName has to be the email address).
    public func isEditable(_ attribute: String) -> Bool {
        !(catalogEntry?.defaultMappings.contains { Self.same($0.attribute, attribute) && !$0.isEditable } ?? false)
    }

    /// Maps `attribute` from `expression` (replacing its mapping, or adding one). `applyOn` nil keeps
    /// what the mapping had (create and update for a new one). The returned mapping names the path
    /// as stored, which differs from `attribute` when a multi-valued path was normalised.
    @discardableResult
    /// - Parameter appSchemas: the app's `/Schemas`, when it serves them: an attribute they do not
    ///   have is refused, with the nearest names they do.
    public func set(attribute: String, expression: String, applyOn: AttributeMapping.ApplyOn? = nil,
                    appSchemas: [SCIMSchema] = []) throws -> AttributeMapping {
        let typed = attribute.trimmingCharacters(in: .whitespaces)
        guard let path = SCIMAttributePath(typed) else { throw MappingChangeError.invalidAttribute(typed) }
        // A plain path into a multi-valued attribute is stored with its element selector, so the
        // encoder sends an array (`emails.value` → `emails[primary].value`).
        let normalized = path.normalizedForUser
        let attribute = normalized == path ? typed : normalized.mappingText
        guard isEditable(attribute) else { throw MappingChangeError.notEditable(attribute: attribute, appName: appName) }
        if let reason = catalogEntry?.refusalToMap(attribute) {
            throw MappingChangeError.refusedByApp(attribute: attribute, appName: appName, reason: reason)
        }
        if let nearest = SchemaAttributeCheck.missing(normalized, in: appSchemas) {
            throw MappingChangeError.notInAppSchema(attribute: attribute, appName: appName, nearest: nearest)
        }
        do {
            _ = try Expression.parse(expression)
        } catch {
            throw MappingChangeError.invalidExpression(attribute: attribute, error: error)
        }
        let table = store.records(Store.AttributeMapping.self)
        let rows = try storedRows()
        let storeApplyOn: Store.AttributeMapping.ApplyOn? = applyOn.map { $0 == .createOnly ? .createOnly : .createAndUpdate }
        if var row = rows.first(where: { Self.same($0.scimAttribute, attribute) }) {
            row.expression = expression
            if let storeApplyOn { row.applyOn = storeApplyOn }
            try table.update(row)
        } else {
            try table.insert(Store.AttributeMapping(appId: appID, scimAttribute: attribute, expression: expression,
                                                    applyOn: storeApplyOn ?? .createAndUpdate))
        }
        return try list().first { Self.same($0.attribute, attribute) }
            ?? AttributeMapping(attribute: attribute, expression: expression, applyOn: applyOn ?? .createAndUpdate)
    }

    /// Removes the mapping of `attribute`: the app stops receiving it.
    public func unset(attribute: String) throws {
        guard isEditable(attribute) else { throw MappingChangeError.notEditable(attribute: attribute, appName: appName) }
        let rows = try storedRows()
        guard let row = rows.first(where: { Self.same($0.scimAttribute, attribute) }), let id = row.id else {
            throw MappingChangeError.notMapped(attribute)
        }
        try store.records(Store.AttributeMapping.self).delete(key: id)
    }

    /// Every mapping's value for `person`, in mapping order.
    public func preview(_ person: Person) throws -> [MappingPreview] {
        let profile = PersonProfile.of(person)
        return try list().map { MappingPreview.evaluate(attribute: $0.attribute, expression: $0.expression, profile: profile) }
    }

    /// The stored rows; an app that has none yet gets the catalog's defaults written first, so a change
    /// to one mapping does not silently drop the others the planner was using.
    private func storedRows() throws -> [Store.AttributeMapping] {
        let table = store.records(Store.AttributeMapping.self)
        let rows = try table.all(appId: appID)
        guard rows.isEmpty, let defaults = catalogEntry?.defaultMappings, !defaults.isEmpty else { return rows }
        for mapping in defaults {
            try table.insert(Store.AttributeMapping(appId: appID, scimAttribute: mapping.attribute, expression: mapping.expression,
                                                    applyOn: mapping.applyOn == .createOnly ? .createOnly : .createAndUpdate))
        }
        return try table.all(appId: appID)
    }

    /// SCIM attribute names are case-insensitive (RFC 7643 §2.1).
    static func same(_ a: String, _ b: String) -> Bool {
        a.caseInsensitiveCompare(b) == .orderedSame
    }
}
