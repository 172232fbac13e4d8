/// A directory group as *Find groups by name* lists it, marked when it is pushed already.
public struct PushableGroup: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var description: String
    public var memberCount: Int
    public var isPushed: Bool

    public init(id: Int64, name: String, description: String = "", memberCount: Int = 0, isPushed: Bool = false) {
        self.id = id
        self.name = name
        self.description = description
        self.memberCount = memberCount
        self.isPushed = isPushed
    }
}
