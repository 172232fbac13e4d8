import Foundation
import JSON

extension SCIMClient {
    // MARK: Read

    public func get<R: SCIMResource>(_ type: R.Type, id: String) async throws -> R {
        let request = try makeRequest("GET", path: Self.resourcePath(R.endpoint, id))
        let response = try await send(request)
        return R(attributes: try Self.decodeObject(response, request: request))
    }

    /// One page: `startIndex` counts from 1; `count` defaults to the configured page size.
    public func list<R: SCIMResource>(_ type: R.Type, filter: String? = nil, startIndex: Int = 1, count: Int? = nil) async throws -> SCIMListResponse<R> {
        var query: [(String, String)] = []
        if let filter { query.append(("filter", filter)) }
        query.append(("startIndex", String(max(1, startIndex))))
        query.append(("count", String(count ?? configuration.pageSize)))
        let request = try makeRequest("GET", path: R.endpoint, query: query)
        let response = try await send(request)
        do {
            return try SCIMListResponse<R>(json: try Self.decodeJSON(response, request: request))
        } catch let error as SCIMDecodingError {
            throw Self.notSCIM(error.reason, response, request)
        }
    }

    /// Every page, following `startIndex` until `totalResults` are read or a page comes back empty.
    public func listAll<R: SCIMResource>(_ type: R.Type, filter: String? = nil) async throws -> [R] {
        var all: [R] = []
        var startIndex = 1
        while true {
            let page = try await list(type, filter: filter, startIndex: startIndex)
            all.append(contentsOf: page.resources)
            if page.resources.isEmpty || all.count >= page.totalResults { return all }
            startIndex += page.resources.count
        }
    }

    /// The user whose userName matches, ignoring case, as Okta looks it up
    /// (`filter=userName eq "x"&startIndex=1&count=100`). A 404 counts as "none".
    public func findUser(userName: String) async throws -> SCIMUser? {
        let found = try await lookup(SCIMUser.self, filter: SCIMFilter.equals("userName", userName))
        return found.first { $0.userName?.caseInsensitiveCompare(userName) == .orderedSame }
    }

    /// Groups with this displayName: there may be several, many providers allow duplicate names.
    public func findGroups(displayName: String) async throws -> [SCIMGroup] {
        let found = try await lookup(SCIMGroup.self, filter: SCIMFilter.equals("displayName", displayName))
        return found.filter { $0.displayName == displayName }
    }

    /// Every page of a filtered lookup, asked for as Okta does (`startIndex=1&count=100` first), so a
    /// match on page two is never taken for "none". A 404 counts as "none". Stops on a page that
    /// brings nothing new, so a server that ignores `startIndex` cannot keep it reading for ever.
    func lookup<R: SCIMResource>(_ type: R.Type, filter: String) async throws -> [R] {
        var all: [R] = []
        var seenIDs = Set<String>()
        var startIndex = 1
        while true {
            let page: SCIMListResponse<R>
            do {
                page = try await list(type, filter: filter, startIndex: startIndex, count: 100)
            } catch let error as SCIMClientError where error.status == 404 {
                return all
            }
            let fresh = page.resources.filter { resource in resource.id.map { seenIDs.insert($0).inserted } ?? true }
            all.append(contentsOf: fresh)
            if fresh.isEmpty || all.count >= page.totalResults { return all }
            startIndex += page.resources.count
        }
    }

    // MARK: Create

    /// POST /Users. If the outcome of a send is unknown (cut connection, timeout, 5xx), the user is looked
    /// up by userName before the POST is sent again, and returned if it was created after all. A created
    /// user whose userName is not the one sent (ignoring case) is refused, never returned.
    public func createUser(_ user: SCIMUser) async throws -> SCIMUser {
        let userName = user.userName
        let created = try await create(user) { [self] in
            guard let userName else { return nil }
            return try await findUser(userName: userName)
        }
        try Self.checkSame("userName", sent: userName, got: created.userName, created: created)
        return created
    }

    /// POST /Groups, looked up by displayName before any resend (the provider may accept duplicates).
    /// A created group with another displayName is refused.
    public func createGroup(_ group: SCIMGroup) async throws -> SCIMGroup {
        let displayName = group.displayName
        let created = try await create(group) { [self] in
            guard let displayName else { return nil }
            return try await findGroups(displayName: displayName).first
        }
        try Self.checkSame("displayName", sent: displayName, got: created.displayName, created: created)
        return created
    }

    /// POST to the resource's endpoint. A failed send is repeated only when the request surely was not
    /// acted on (refused connection, 429) or when `existing` shows it was not created. After every
    /// ambiguous outcome (`outcomeUnknown`: cut, timeout, 5xx), even one not worth a resend (a timeout,
    /// the last attempt), `existing` is asked first: the resource may have been made after all, and
    /// that is a success, not a failure. A 4xx is the app's clear answer and is reported as it is.
    public func create<R: SCIMResource>(_ resource: R, existing: @Sendable () async throws -> R?) async throws -> R {
        let request = try makeRequest("POST", path: R.endpoint, body: .object(resource.requestBody))
        let policy = configuration.retry
        var attempt = 1
        var waited = 0.0
        while true {
            do {
                let response = try await sendOnce(request, attempt: attempt)
                return try await createdResource(response, request: request)
            } catch let error as SCIMClientError {
                if error.outcomeUnknown {
                    let createError = error
                    let found: R?
                    do {
                        found = try await existing()
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        // Unknown whether it exists: a resend could make a second one. Report the create's failure.
                        throw createError
                    }
                    if let found { return found }
                }
                guard let decision = policy.decision(after: error, attempt: attempt, waited: waited) else { throw error }
                try await wait(decision)
                if case .backOff(let seconds) = decision { waited += seconds }
                attempt += 1
            }
        }
    }

    /// Throws `foreignResource` when the app answered a create with a resource other than the one sent.
    static func checkSame<R: SCIMResource>(_ attribute: String, sent: String?, got: String?, created: R) throws(SCIMClientError) {
        guard let sent else { return }
        guard let got, got.caseInsensitiveCompare(sent) == .orderedSame else {
            throw SCIMClientError(kind: .foreignResource(endpoint: R.endpoint, attribute: attribute, sent: sent, got: got, id: created.id),
                                  status: 201)
        }
    }

    /// The body of a 201, or, when a provider answers with no body, the resource at `Location`.
    private func createdResource<R: SCIMResource>(_ response: HTTPResponse, request: HTTPRequest) async throws -> R {
        if response.body.isEmpty, let location = response.header("Location"), let id = location.split(separator: "/").last {
            return try await get(R.self, id: String(id).removingPercentEncoding ?? String(id))
        }
        return R(attributes: try Self.decodeObject(response, request: request))
    }

    // MARK: Update

    /// PUT the whole resource (meta left out), with `If-Match` when ETags are in use and the resource has a version.
    public func replace<R: SCIMResource>(_ resource: R) async throws -> R {
        guard let id = resource.id else {
            throw SCIMClientError(kind: .invalidRequest("the \(R.endpoint) resource has no id to replace"))
        }
        let ifMatch = configuration.useETags ? resource.meta?.version : nil
        let request = try makeRequest("PUT", path: Self.resourcePath(R.endpoint, id), body: .object(resource.requestBody), ifMatch: ifMatch)
        let response = try await send(request)
        if response.body.isEmpty { return resource }
        return R(attributes: try Self.decodeObject(response, request: request))
    }

    /// PATCH with the given operations, with `If-Match` when a version is given. Returns the resource
    /// when the provider sends it back, nil on 204.
    @discardableResult
    public func patch<R: SCIMResource>(_ type: R.Type, id: String, _ operations: [SCIMPatchOperation], ifMatch: String? = nil) async throws -> R? {
        let request = try makeRequest("PATCH", path: Self.resourcePath(R.endpoint, id), body: SCIMPatchRequest(operations).json, ifMatch: ifMatch)
        let response = try await send(request)
        if response.body.isEmpty || response.status == 204 { return nil }
        return R(attributes: try Self.decodeObject(response, request: request))
    }

    /// Deactivate (false) or reactivate (true) a user: `PATCH {"op":"replace","value":{"active":…}}`.
    public func setActive(userId: String, _ active: Bool) async throws {
        try await patch(SCIMUser.self, id: userId, [.replaceActive(active)])
    }

    /// Rename with `path: displayName` (RFC 7644); `oktaShape` sends Okta's `value: {id, displayName}` without a path.
    public func renameGroup(id: String, to displayName: String, oktaShape: Bool = false) async throws {
        let operation: SCIMPatchOperation = oktaShape ? .replaceGroupName(id: id, displayName: displayName) : .replaceDisplayName(displayName)
        try await patch(SCIMGroup.self, id: id, [operation])
    }

    /// How a member removal is written.
    public enum MemberRemovalShape: Sendable {
        /// One `remove` per member at `members[value eq "id"]` (RFC 7644, Okta).
        case filteredPath
        /// One `remove` at `members` with the ids as its value.
        case valueList
    }

    /// Adds and removes members in PATCHes of at most `memberBatchSize` changes each: removals as
    /// `remove members[value eq "id"]` (or one `remove members` with a value list), additions as one
    /// `add members` (each with its `display` when `displays` names one). Returns the number of PATCHes sent.
    @discardableResult
    public func updateGroupMembers(id: String, add: [String] = [], remove: [String] = [], displays: [String: String] = [:],
                                   removal: MemberRemovalShape = .filteredPath) async throws -> Int {
        let changes = remove.map { (id: $0, adding: false) } + add.map { (id: $0, adding: true) }
        var sent = 0
        var start = 0
        while start < changes.count {
            let batch = changes[start..<min(start + configuration.memberBatchSize, changes.count)]
            let removals = batch.filter { !$0.adding }.map(\.id)
            var operations: [SCIMPatchOperation]
            switch removal {
            case .filteredPath: operations = removals.map(SCIMPatchOperation.removeMember)
            case .valueList: operations = removals.isEmpty ? [] : [.removeMembers(removals)]
            }
            let additions = batch.filter(\.adding).map(\.id)
            if !additions.isEmpty { operations.append(.addMembers(additions, displays: displays)) }
            try await patch(SCIMGroup.self, id: id, operations)
            sent += 1
            start += configuration.memberBatchSize
        }
        return sent
    }

    // MARK: Delete

    /// DELETE the resource. A 404 on a resend counts as done (the first send got through).
    public func delete<R: SCIMResource>(_ type: R.Type, id: String) async throws {
        let request = try makeRequest("DELETE", path: Self.resourcePath(R.endpoint, id))
        do {
            _ = try await send(request)
        } catch let error as SCIMClientError where error.status == 404 && error.attempts > 1 {
            return
        }
    }

    // MARK: Raw

    /// GET any path under the base URL (`/Users?count=1`, `ServiceProviderConfig`) and return its JSON.
    /// Spaces, quotes and other characters not allowed in a URL are percent-encoded.
    public func getJSON(path: String) async throws -> JSONValue {
        let parts = path.split(separator: "?", maxSplits: 1).map(String.init)
        var allowedPath = CharacterSet.urlPathAllowed
        allowedPath.remove(charactersIn: "?#")
        allowedPath.insert("%")  // a path pasted already encoded stays as it is
        var allowedQuery = CharacterSet.urlQueryAllowed
        allowedQuery.remove(charactersIn: "+#")
        allowedQuery.insert("%")
        var encoded = (parts.first ?? "").addingPercentEncoding(withAllowedCharacters: allowedPath) ?? ""
        if parts.count == 2 { encoded += "?" + (parts[1].addingPercentEncoding(withAllowedCharacters: allowedQuery) ?? "") }
        let request = try makeRequest("GET", path: encoded)
        let response = try await send(request)
        return try Self.decodeJSON(response, request: request)
    }
}
