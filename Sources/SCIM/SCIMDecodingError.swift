/// Why a JSON body is not the SCIM document that was expected.
public struct SCIMDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
