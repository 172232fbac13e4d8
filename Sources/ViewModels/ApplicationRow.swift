/// One line of the Applications list.
public struct ApplicationRow: Sendable, Equatable {
    public var id: Int64
    public var label: String
    public var catalogName: String
    /// "● Active" when API integration is enabled, "○ Not configured" otherwise.
    public var provisioning: String
    public var isProvisioningActive: Bool
    public var users: Int
    public var groups: Int
    public var failedTasks: Int

    public var tasksText: String { failedTasks == 0 ? "–" : "⚠ \(failedTasks) failed" }
}
