import JSON

/// The JSON text a person's extra attributes are stored as: an object of strings, keys sorted,
/// so that equal attributes are equal text (re-imports compare the text, not the values).
enum AttributesCoding {
    static func encode(_ attributes: [String: String]) -> String {
        guard !attributes.isEmpty else { return "{}" }
        return JSONValue.object(attributes.mapValues(JSONValue.string)).encodedText()
    }

    static func decode(_ text: String?) -> [String: String] {
        guard let text, text != "{}", let object = (try? JSONValue.parse(text))?.objectValue else { return [:] }
        return object.compactMapValues(\.stringValue)
    }
}
