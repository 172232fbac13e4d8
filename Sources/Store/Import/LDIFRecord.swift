import Foundation

/// One entry of an LDIF file: its DN and its attribute values, in file order.
struct LDIFRecord: Sendable {
    struct Value: Sendable {
        /// The attribute name, lowercased, options (`;binary`, `;lang-fr`) removed.
        var name: String
        /// The name as the file spelled it.
        var spelledName: String
        var bytes: Data
        /// The value as UTF-8 text, nil for binary values (objectGUID, jpegPhoto).
        var text: String? { String(data: bytes, encoding: .utf8) }
    }

    /// The line the entry starts on.
    var line: Int
    var dn: String
    var values: [Value] = []

    func texts(_ name: String) -> [String] {
        values.lazy.filter { $0.name == name }.compactMap(\.text)
    }

    func first(_ name: String) -> String? {
        texts(name).first.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    func firstBytes(_ name: String) -> Data? {
        values.first { $0.name == name }?.bytes
    }

    var objectClasses: Set<String> { Set(texts("objectclass").map { $0.lowercased() }) }
}
