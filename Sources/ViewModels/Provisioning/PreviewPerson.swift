/// A person offered by the preview picker, with the `user.*` profile the expressions read.
public struct PreviewPerson: Sendable, Equatable {
    public var login: String
    public var displayName: String
    public var profile: [String: String]

    public init(login: String, displayName: String, profile: [String: String]) {
        self.login = login
        self.displayName = displayName
        self.profile = profile
    }

    /// "José Núñez (jose.nunez@corp.com)", or the login alone for a person without a name.
    public var label: String { displayName.isEmpty ? login : "\(displayName) (\(login))" }
}
