import Foundation

/// Writes a large made-up directory as CSV (the format `directory import` reads), for demos and
/// the benchmark: `scimdeck directory generate --people 100000 --groups 2000`.
///
/// The same counts and seed give the same file. Every person is in one to three groups; about
/// one in twenty is suspended or deactivated; names mix scripts (Zoë, Núñez, 李, Ólafsdóttir).
public struct DirectoryGenerator: Sendable {
    public var people: Int
    public var groups: Int
    public var seed: UInt64

    public static let header = ["login", "firstName", "lastName", "email", "status", "groups", "department", "title"]

    private static let firstNames = [
        "Zoë", "José", "Chloé", "小龙", "Ana", "Björn", "Søren", "Łukasz", "Amélie", "Noah", "Olivia", "Liam", "Emma", "Mateo",
        "Aiko", "Haruto", "Priya", "Arjun", "Fatima", "Omar", "Ingrid", "Kai", "Leilani", "Nikolai", "Dmitri", "Siobhán",
        "Eóin", "Mía", "Renée", "François", "Grace", "Wei", "Mei", "Xiaolong", "Yusuf", "Ayşe", "Jürgen", "Ines", "Tomás",
    ]
    private static let lastNames = [
        "Núñez", "李", "Müller", "García", "Smith", "Nguyen", "Kowalski", "Ólafsdóttir", "O'Brien", "Dubois", "Rossi", "Tanaka",
        "Sato", "Patel", "Khan", "Okafor", "Andersen", "Johansson", "Novák", "Öztürk", "Silva", "Lee", "Chen", "Wang",
        "Kim", "Schröder", "López", "Fernández", "Ivanova", "Brown", "Taylor", "Hernández", "Yilmaz",
    ]
    private static let departments = [
        "Engineering", "Sales", "Marketing", "Finance", "Support", "Operations", "Legal", "People", "Security", "Research",
    ]
    private static let titles = ["Engineer", "Manager", "Analyst", "Director", "Specialist", "Coordinator", "Lead", "Consultant"]

    public init(people: Int, groups: Int, seed: UInt64 = 2_025) {
        self.people = max(0, people)
        self.groups = max(0, groups)
        self.seed = seed
    }

    /// The group names, in the order they are made.
    public func groupNames() -> [String] {
        (0..<groups).map { index in
            let department = Self.departments[index % Self.departments.count]
            return "\(department) \(String(format: "%04d", index / Self.departments.count + 1))"
        }
    }

    /// Writes the CSV to `handle` in chunks, so memory stays flat however many people.
    public func write(to handle: FileHandle) throws {
        var random = SeededRandom(seed: seed)
        let groupNames = groupNames()
        let foldedFirst = Self.firstNames.map(Self.loginPart)
        let foldedLast = Self.lastNames.map(Self.loginPart)
        var chunk = Self.header.joined(separator: ",") + "\n"
        chunk.reserveCapacity(1 << 20)
        for index in 0..<people {
            let first = Int.random(in: 0..<Self.firstNames.count, using: &random)
            let last = Int.random(in: 0..<Self.lastNames.count, using: &random)
            let login = "\(foldedFirst[first]).\(foldedLast[last]).\(index + 1)@example.com"
            let roll = Int.random(in: 0..<100, using: &random)
            let status = roll < 95 ? "active" : (roll < 98 ? "suspended" : "deactivated")
            var memberOf: [String] = []
            if !groupNames.isEmpty {
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let name = groupNames[Int.random(in: 0..<groupNames.count, using: &random)]
                    if !memberOf.contains(name) { memberOf.append(name) }
                }
            }
            let department = Self.departments[Int.random(in: 0..<Self.departments.count, using: &random)]
            let title = Self.titles[Int.random(in: 0..<Self.titles.count, using: &random)]
            let fields = [
                login, Self.firstNames[first], Self.lastNames[last], login, status, memberOf.joined(separator: ";"), department, title,
            ]
            chunk += fields.map(CSVField.escape).joined(separator: ",")
            chunk += "\n"
            if chunk.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }

    /// `Zoë` → `zoe`, `O'Brien` → `obrien`, `李` → `user`: ASCII letters for the login.
    private static func loginPart(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        let letters = folded.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }
        return letters.isEmpty ? "user" : String(String.UnicodeScalarView(letters))
    }
}
