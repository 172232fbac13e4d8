import ArgumentParser
import Store

/// The person fields `directory add person` and `directory edit person` take.
struct PersonOptions: ParsableArguments {
    @Option(help: "Given name.")
    var firstName: String?

    @Option(help: "Family name.")
    var lastName: String?

    @Option(help: "Email address.")
    var email: String?

    @Option(help: "active, suspended or deactivated.")
    var status: PersonStatus?

    @Option(name: .customLong("attribute"), help: ArgumentHelp("An extra attribute, KEY=VALUE (repeatable).", valueName: "KEY=VALUE"))
    var attributes: [String] = []

    /// Applies the options given to `person`, leaving the others as they are.
    func apply(to person: inout Person) throws {
        if let firstName { person.firstName = firstName }
        if let lastName { person.lastName = lastName }
        if let email { person.email = email }
        if let status { person.status = status }
        for pair in attributes {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw ValidationError("--attribute takes KEY=VALUE, got \(pair)")
            }
            let value = String(pair[pair.index(after: equals)...])
            person.attributes[String(pair[..<equals])] = value.isEmpty ? nil : value
        }
    }
}

extension PersonStatus: ExpressibleByArgument {}
