/// A person or group offered by Assign to People / Assign to Groups, with whether it is assigned already.
public struct AssignmentCandidate: Sendable, Hashable {
    /// A person's login, or a group's name: what assigning it takes.
    public var key: String
    /// The line shown: "José Núñez  jose.nunez@example.com" or "Sales  12 members".
    public var title: String
    public var detail: String
    public var isAssigned: Bool

    public init(key: String, title: String, detail: String, isAssigned: Bool) {
        self.key = key
        self.title = title
        self.detail = detail
        self.isAssigned = isAssigned
    }
}
