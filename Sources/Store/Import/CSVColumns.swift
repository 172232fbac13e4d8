/// Which CSV column holds what, matched by header name whatever its case, spaces, `_` or `-`.
struct CSVColumns {
    var login: Int?
    var firstName: Int?
    var lastName: Int?
    var email: Int?
    var status: Int?
    var groups: Int?
    var externalKey: Int?
    /// Every other column, kept as a person attribute under its header name.
    var attributes: [(index: Int, name: String)] = []

    init(header: [String]) {
        for (index, rawName) in header.enumerated() {
            let name = rawName.trimmingCharacters(in: .whitespaces)
            let key = String(name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "." })
            switch key {
            case "login", "username", "userprincipalname", "upn": login = login ?? index
            case "firstname", "givenname", "first", "namegivenname": firstName = firstName ?? index
            case "lastname", "familyname", "surname", "sn", "last", "namefamilyname": lastName = lastName ?? index
            case "email", "mail", "emailaddress", "primaryemail": email = email ?? index
            case "status": status = status ?? index
            case "groups", "group", "memberof": groups = groups ?? index
            case "externalid", "externalkey": externalKey = externalKey ?? index
            default:
                if !name.isEmpty { attributes.append((index, name)) }
            }
        }
    }
}
