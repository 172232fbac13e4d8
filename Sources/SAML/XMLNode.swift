/// An element written directly in Exclusive XML Canonicalization form: namespace declarations
/// sorted by prefix, then attributes sorted by name, empty elements as start and end tags, no
/// whitespace between elements. Each element declares the namespaces it visibly uses that no
/// ancestor in the signed subtree declares, so these bytes are what exc-c14n gives back.
struct XMLNode: Sendable {
    enum Child: Sendable {
        case element(XMLNode)
        case text(String)
    }

    var name: String
    var namespaces: [(prefix: String, uri: String)]
    var attributes: [(name: String, value: String)]
    var children: [Child]

    init(
        _ name: String,
        namespaces: [(prefix: String, uri: String)] = [],
        attributes: [(name: String, value: String)] = [],
        children: [Child] = []
    ) {
        self.name = name
        self.namespaces = namespaces
        self.attributes = attributes
        self.children = children
    }

    init(
        _ name: String,
        namespaces: [(prefix: String, uri: String)] = [],
        attributes: [(name: String, value: String)] = [],
        text: String
    ) {
        self.init(name, namespaces: namespaces, attributes: attributes, children: [.text(text)])
    }

    init(
        _ name: String,
        namespaces: [(prefix: String, uri: String)] = [],
        attributes: [(name: String, value: String)] = [],
        elements: [XMLNode]
    ) {
        self.init(name, namespaces: namespaces, attributes: attributes, children: elements.map { .element($0) })
    }

    /// The canonical bytes of this element and its subtree.
    var canonical: String {
        var out = ""
        write(into: &out, indent: nil)
        return out
    }

    /// A readable, indented form for documents that are not signed (metadata).
    var indented: String {
        var out = ""
        write(into: &out, indent: 0)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        let padding = indent.map { String(repeating: "  ", count: $0) } ?? ""
        out += padding + "<" + name
        for namespace in namespaces.sorted(by: { $0.prefix.unicodeScalars.lexicographicallyPrecedes($1.prefix.unicodeScalars) }) {
            let attributeName = namespace.prefix.isEmpty ? "xmlns" : "xmlns:" + namespace.prefix
            out += " " + attributeName + "=\"" + XMLText.escapeAttribute(namespace.uri) + "\""
        }
        for attribute in attributes.sorted(by: { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }) {
            out += " " + attribute.name + "=\"" + XMLText.escapeAttribute(attribute.value) + "\""
        }
        out += ">"
        let elementOnly = children.allSatisfy { if case .element = $0 { return true } else { return false } }
        let childIndent = (indent != nil && elementOnly && !children.isEmpty) ? indent.map { $0 + 1 } : nil
        for child in children {
            switch child {
            case let .text(text):
                out += XMLText.escapeText(text)
            case let .element(element):
                if let childIndent {
                    out += "\n"
                    element.write(into: &out, indent: childIndent)
                } else {
                    element.write(into: &out, indent: nil)
                }
            }
        }
        if childIndent != nil { out += "\n" + padding }
        out += "</" + name + ">"
    }
}
