/// The To App switches of the Provisioning tab.
public struct ProvisioningToggles: Sendable, Equatable, Codable {
    public var createUsers: Bool
    public var updateUserAttributes: Bool
    public var deactivateUsers: Bool

    public init(createUsers: Bool, updateUserAttributes: Bool, deactivateUsers: Bool) {
        self.createUsers = createUsers
        self.updateUserAttributes = updateUserAttributes
        self.deactivateUsers = deactivateUsers
    }

    public static let allOn = ProvisioningToggles(createUsers: true, updateUserAttributes: true, deactivateUsers: true)
    public static let allOff = ProvisioningToggles(createUsers: false, updateUserAttributes: false, deactivateUsers: false)
}
