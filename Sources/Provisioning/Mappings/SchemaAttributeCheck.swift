import SCIM

/// Whether an app's `/Schemas` has the attribute a mapping names, and if not, the names it has
/// that come nearest (for the message).
public enum SchemaAttributeCheck {
    /// Nil when the attribute is in the schemas, or when the schemas say nothing of the User schema
    /// the path is in (an app that serves no `/Schemas` is not checked); else the nearest names.
    public static func missing(_ path: SCIMAttributePath, in schemas: [SCIMSchema]) -> [String]? {
        let urn = path.schemaURN ?? SCIMSchemaURN.user
        guard schemas.contains(where: { $0.id == SCIMSchemaURN.user }) else { return nil }
        guard let schema = schemas.first(where: { $0.id?.caseInsensitiveCompare(urn) == .orderedSame }) else {
            return schemas.compactMap(\.id)
        }
        let attributes = schema.schemaAttributes
        guard let attribute = attributes.first(where: { $0.name?.caseInsensitiveCompare(path.attribute) == .orderedSame }) else {
            return nearest(path.attribute, among: attributes.compactMap(\.name))
        }
        let sub = path.subAttribute ?? (path.selector != nil && path.attribute != "addresses" ? "value" : nil)
        guard let sub else { return nil }
        let subNames = attribute.subAttributes.compactMap(\.name)
        if subNames.contains(where: { $0.caseInsensitiveCompare(sub) == .orderedSame }) { return nil }
        return nearest(sub, among: subNames).map { "\(attribute.name ?? path.attribute).\($0)" }
    }

    /// Up to three names within an edit distance of three, nearest first.
    static func nearest(_ name: String, among names: [String]) -> [String] {
        let wanted = Array(name.lowercased())
        let scored: [(name: String, distance: Int)] = names.map { candidate in
            (name: candidate, distance: distance(wanted, Array(candidate.lowercased())))
        }
        let close = scored.filter { $0.distance <= 3 }.sorted { left, right in
            left.distance != right.distance ? left.distance < right.distance : left.name < right.name
        }
        return close.prefix(3).map(\.name)
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var row = [i + 1]
            for (j, right) in b.enumerated() {
                row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = row
        }
        return previous[b.count]
    }
}
