import Foundation

/// IDs for Response and Assertion elements: xs:ID forbids a leading digit, so every ID starts with "_".
public enum SAMLIdentifier {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "_" + bytes.map { String(format: "%02x", $0) }.joined()
    }
}
