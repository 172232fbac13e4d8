import Foundation
import SCIM

/// The forms scimdeck can send for the requests that apps are known to refuse in the profile's own
/// form. On a 400 or 501 the target steps down to the next form once; the form that worked is
/// remembered for the app (`LearnedRequestForm` rows), so the next run sends it at once. Forms only
/// step down: an app that refused a form is not asked it again.
public struct RequestForms: Sendable, Equatable {
    /// A profile update in the rfc7644 profile (the okta profile always sends a full PUT).
    public enum UserUpdate: String, Sendable, CaseIterable {
        /// One PATCH operation per mapped attribute, at its path (`emails[primary eq true].value`).
        case paths
        /// Read the user; PATCH filtered multi-valued paths as their whole attribute (`emails`).
        case wholeAttributes
        /// Read the user; PUT it with the mapped values merged in.
        case put
    }

    /// Taking members out of a group.
    public enum MemberRemoval: String, Sendable, CaseIterable {
        /// `{"op":"remove","path":"members[value eq \"id\"]"}`, as Okta sends it.
        case filteredPath
        /// `{"op":"remove","path":"members","value":[{"value":"id"}]}`, which django-scim2 and Azure take.
        case valueList
        /// Read the group; `{"op":"replace","path":"members","value":[every member]}`.
        case replaceAll
        /// Read the group; PUT it with its new member list.
        case put
    }

    /// Renaming a group.
    public enum GroupRename: String, Sendable, CaseIterable {
        /// The profile's PATCH (Okta's `value: {id, displayName}`, or `path: displayName`).
        case patch
        /// Read the group; PUT it with the new name and the members it holds.
        case put
    }

    public var userUpdate: UserUpdate = .paths
    public var memberRemoval: MemberRemoval = .filteredPath
    public var groupRename: GroupRename = .patch

    public init(userUpdate: UserUpdate = .paths, memberRemoval: MemberRemoval = .filteredPath, groupRename: GroupRename = .patch) {
        self.userUpdate = userUpdate
        self.memberRemoval = memberRemoval
        self.groupRename = groupRename
    }

    /// The forms as stored, operation → form; names this version does not know are skipped.
    public init(stored: [String: String]) {
        self.init()
        if let form = stored[Operation.userUpdate.rawValue].flatMap(UserUpdate.init(rawValue:)) { userUpdate = form }
        if let form = stored[Operation.memberRemoval.rawValue].flatMap(MemberRemoval.init(rawValue:)) { memberRemoval = form }
        if let form = stored[Operation.groupRename.rawValue].flatMap(GroupRename.init(rawValue:)) { groupRename = form }
    }

    /// Which request a learned form is for: the `operation` of its stored row.
    public enum Operation: String, Sendable, CaseIterable {
        case userUpdate, memberRemoval, groupRename
    }

    /// What differs from the profile's own forms, as stored rows would hold it.
    public var learned: [Operation: String] {
        var learned: [Operation: String] = [:]
        if userUpdate != .paths { learned[.userUpdate] = userUpdate.rawValue }
        if memberRemoval != .filteredPath { learned[.memberRemoval] = memberRemoval.rawValue }
        if groupRename != .patch { learned[.groupRename] = groupRename.rawValue }
        return learned
    }

    /// A refusal of the form itself, which a lower form may get past: 400 (bad request, as an app
    /// says of a path it cannot parse) or 501 (not implemented).
    static func isRefusal(_ error: any Error) -> Bool {
        guard let status = (error as? SCIMClientError)?.status else { return false }
        return status == 400 || status == 501
    }
}

/// The forms one run uses for one app, shared by every request of the run, and told to `remember`
/// (the store) as soon as a lower form works.
public final class RequestFormBook: @unchecked Sendable {
    private let lock = NSLock()
    private var current: RequestForms
    private let remember: @Sendable (RequestForms.Operation, String) -> Void

    public init(_ forms: RequestForms = RequestForms(), remember: @escaping @Sendable (RequestForms.Operation, String) -> Void = { _, _ in }) {
        current = forms
        self.remember = remember
    }

    public var forms: RequestForms { lock.withLock { current } }

    /// Records that `form` worked for `operation`, unless a run in parallel already stepped lower.
    func learned<Form: RawRepresentable & CaseIterable & Equatable>(_ form: Form, for operation: RequestForms.Operation,
                                                                      at keyPath: WritableKeyPath<RequestForms, Form>) where Form.RawValue == String {
        let changed: Bool = lock.withLock {
            let all = Array(Form.allCases)
            guard let known = all.firstIndex(of: current[keyPath: keyPath]), let new = all.firstIndex(of: form), new > known else { return false }
            current[keyPath: keyPath] = form
            return true
        }
        if changed { remember(operation, form.rawValue) }
    }
}
