import SCIM

/// The transport of a workspace opened without network access (screen tests of the store alone):
/// every request fails at once with a reason the screen can show.
struct NoNetworkTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw TransportError.connectFailed(detail: "this console was opened without network access")
    }
}
