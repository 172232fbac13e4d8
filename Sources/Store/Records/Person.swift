import Foundation
import GRDB

/// A person in the local directory.
///
/// `login` is the userName sent to apps; two people whose logins differ only by case are one
/// person to the apps, so the store keeps logins unique case-insensitively (`loginKey`).
public struct Person: Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var login: String
    public var firstName: String
    public var lastName: String
    public var email: String
    public var status: PersonStatus
    /// Every other attribute (department, title, …), stored as a JSON object of strings.
    public var attributes: [String: String]
    /// Where the person came from: `manual`, `csv`, `ldif`, `scim`.
    public var source: String
    /// The id in the source (objectGUID, DN, SCIM id), when the source has one.
    public var externalKey: String?
    public var updatedAt: Date

    public init(
        id: Int64? = nil, login: String, firstName: String = "", lastName: String = "", email: String = "",
        status: PersonStatus = .active, attributes: [String: String] = [:], source: String = "manual",
        externalKey: String? = nil, updatedAt: Date = Date()
    ) {
        self.id = id
        self.login = login
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.status = status
        self.attributes = attributes
        self.source = source
        self.externalKey = externalKey
        self.updatedAt = updatedAt
    }

    public var displayName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The case-folded login the store compares.
    public static func loginKey(_ login: String) -> String { CaseFolding.lowercased(login) }

    /// The case-folded text that `--filter` searches: login, names and email.
    static func searchKey(login: String, firstName: String, lastName: String, email: String) -> String {
        // Part by part: most logins and emails are ASCII and take the fast path even when a name is not.
        CaseFolding.lowercased(login) + "\n" + CaseFolding.lowercased(firstName) + " " + CaseFolding.lowercased(lastName)
            + "\n" + CaseFolding.lowercased(email)
    }
}

extension Person: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "person"

    public enum Columns {
        public static let id = Column("id")
        public static let login = Column("login")
        public static let loginKey = Column("loginKey")
        public static let searchKey = Column("searchKey")
        public static let lastName = Column("lastName")
        public static let firstName = Column("firstName")
    }

    public init(row: Row) throws {
        id = row["id"]
        login = row["login"]
        firstName = row["firstName"]
        lastName = row["lastName"]
        email = row["email"]
        status = row["status"]
        attributes = AttributesCoding.decode(row["attributes"])
        source = row["source"]
        externalKey = row["externalKey"]
        updatedAt = row["updatedAt"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["login"] = login
        container["loginKey"] = Person.loginKey(login)
        container["firstName"] = firstName
        container["lastName"] = lastName
        container["email"] = email
        container["status"] = status
        container["attributes"] = AttributesCoding.encode(attributes)
        container["source"] = source
        container["externalKey"] = externalKey
        container["searchKey"] = Person.searchKey(login: login, firstName: firstName, lastName: lastName, email: email)
        container["updatedAt"] = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension Person: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, login, firstName, lastName, email, status, attributes, source, externalKey
    }

    /// The shape `directory list --json` prints.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(login, forKey: .login)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(email, forKey: .email)
        try container.encode(status, forKey: .status)
        try container.encode(attributes, forKey: .attributes)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(externalKey, forKey: .externalKey)
    }
}
