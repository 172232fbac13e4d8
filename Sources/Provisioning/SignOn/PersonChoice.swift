/// A directory person as a picker lists them (Preview SAML's "for person", a mapping preview).
public struct PersonChoice: Sendable, Hashable {
    public let login: String
    public let name: String

    public init(login: String, name: String) {
        self.login = login
        self.name = name
    }
}
