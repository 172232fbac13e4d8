/// Everything one import file says, parsed but not yet validated or applied.
struct DirectoryBatch: Sendable {
    /// Which side of the file is authoritative for memberships on re-import.
    enum MembershipAuthority: Sendable {
        /// Each person's group list (a CSV `groups` column) is the whole truth for that person.
        case people
        /// Each group's member list (LDIF `member`, SCIM `members`), people and contained groups, is
        /// the whole truth for that group.
        case groups
        /// The file says nothing about memberships.
        case none
    }

    var source: String
    var people: [ImportedPerson] = []
    var groups: [ImportedGroup] = []
    var issues: [ImportIssue] = []
    var membershipAuthority: MembershipAuthority = .none
}
