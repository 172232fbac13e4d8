import SCIM

/// Where **Test API Credentials** stands.
public enum CredentialTest: Sendable, Equatable {
    case notTested
    case testing
    case finished(SCIMCredentialCheck)

    public var succeeded: Bool {
        if case .finished(let check) = self { return check.succeeded }
        return false
    }

    /// The line under the button: the guide's "… was verified successfully", or the exact reason it failed.
    public func statusText(appLabel: String) -> String? {
        switch self {
        case .notTested:
            return nil
        case .testing:
            return "Testing API credentials…"
        case .finished(.verified(let total)):
            return "✓ \(appLabel) was verified successfully! (\(total) user\(total == 1 ? "" : "s") visible)"
        case .finished(let check):
            return "✗ \(check.message)"
        }
    }
}
