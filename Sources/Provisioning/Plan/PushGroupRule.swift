import Foundation

/// A *Find groups by rule* rule: group name AND description conditions (Okta requires both).
public struct PushGroupRule: Sendable, Equatable, Codable {
    public enum Operator: String, Sendable, Codable, CaseIterable {
        case startsWith = "starts with"
        case endsWith = "ends with"
        case contains = "contains"

        func matches(_ text: String, _ value: String) -> Bool {
            if value.isEmpty { return true }
            switch self {
            case .startsWith: return text.lowercased().hasPrefix(value.lowercased())
            case .endsWith: return text.lowercased().hasSuffix(value.lowercased())
            case .contains: return text.range(of: value, options: .caseInsensitive) != nil
            }
        }
    }

    public struct Condition: Sendable, Equatable, Codable {
        public var op: Operator
        public var value: String
        public init(_ op: Operator, _ value: String) {
            self.op = op
            self.value = value
        }
    }

    public var name: String
    public var groupName: Condition
    public var groupDescription: Condition

    public init(name: String, groupName: Condition, groupDescription: Condition) {
        self.name = name
        self.groupName = groupName
        self.groupDescription = groupDescription
    }

    public func matches(name groupName: String, description: String) -> Bool {
        self.groupName.op.matches(groupName, self.groupName.value) && groupDescription.op.matches(description, groupDescription.value)
    }
}
