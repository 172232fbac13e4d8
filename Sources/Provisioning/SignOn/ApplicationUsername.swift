/// The Sign On tab's "Application username format": what the app receives as the person's Name ID.
/// The three named choices are Okta's; anything else is a custom expression in the mapping language.
public enum ApplicationUsername: Sendable, Hashable {
    case oktaUsername
    case email
    case emailPrefix
    case custom(String)

    /// The choices without their payload, in the order the form lists them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case oktaUsername, email, emailPrefix, custom

        public var label: String {
            switch self {
            case .oktaUsername: return "Okta username"
            case .email: return "Email"
            case .emailPrefix: return "Email prefix"
            case .custom: return "Custom"
            }
        }
    }

    /// Reads a stored expression. Older rows (and `SignOnSettings`' default) hold a bare profile name such as
    /// `login`, which the expression language does not accept, so a bare name is read as `user.<name>`.
    public init(expression: String) {
        let trimmed = expression.trimmingCharacters(in: .whitespaces)
        let compact = trimmed.filter { !$0.isWhitespace }
        switch compact {
        case "", "login", "user.login": self = .oktaUsername
        case "email", "user.email": self = .email
        case #"String.substringBefore(user.email,"@")"#, #"substringBefore(user.email,"@")"#,
             "String.substringBefore(user.email,'@')", "substringBefore(user.email,'@')":
            self = .emailPrefix
        default:
            if Self.isBareName(trimmed) {
                self = .custom("user." + trimmed)
            } else {
                self = .custom(trimmed)
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .oktaUsername: return .oktaUsername
        case .email: return .email
        case .emailPrefix: return .emailPrefix
        case .custom: return .custom
        }
    }

    /// The expression evaluated for each person.
    public var expression: String {
        switch self {
        case .oktaUsername: return "user.login"
        case .email: return "user.email"
        case .emailPrefix: return #"String.substringBefore(user.email, "@")"#
        case .custom(let expression): return expression
        }
    }

    /// A reason the expression cannot be used, or nil when it parses.
    public var problem: String? {
        let text = expression.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return "enter an expression, e.g. user.email" }
        do {
            _ = try Expression.parse(text)
            return nil
        } catch {
            return "does not parse: \(error)"
        }
    }

    private static func isBareName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
    }
}
