/// Everything the planner reads for one app, fetched in one read transaction so it is consistent.
public struct EngineState: Sendable {
    public var settings: ProvisioningSettings?
    public var mappings: [AttributeMapping]
    public var people: [Person]
    public var groups: [DirectoryGroup]
    public var memberships: [Membership]
    public var assignments: [Assignment]
    public var userLinks: [RemoteLink]
    public var groupLinks: [RemoteLink]
    public var pushLinks: [PushGroupLink]
    public var pushedMembers: [PushedMember]
    public var rules: [PushGroupRule]
}
