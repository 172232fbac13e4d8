extension SCIMClient {
    /// Every resource of the endpoint, asking for `pageSize` per page and following `startIndex`
    /// by what each page really held: a provider that caps pages lower (its `maxResults`) is read
    /// to the end all the same, in as few requests as it allows.
    public func listEvery<R: SCIMResource>(_ type: R.Type, pageSize: Int) async throws -> [R] {
        var all: [R] = []
        var startIndex = 1
        while true {
            let page = try await list(type, startIndex: startIndex, count: max(1, pageSize))
            all.append(contentsOf: page.resources)
            if page.resources.isEmpty || all.count >= page.totalResults { return all }
            startIndex += page.resources.count
        }
    }
}
