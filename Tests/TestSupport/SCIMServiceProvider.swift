import Foundation

/// A real SCIM service provider started by a test on a loopback port: scim2-server or the Django
/// app on django-scim2. The interop tests run the same flows against each.
public protocol SCIMServiceProvider: AnyObject, Sendable {
    var port: Int { get }
    var token: String { get }
    /// The SCIM base URL (its path differs from server to server).
    var baseURL: URL { get }
    /// The path of `baseURL`, for a proxy in front of the server.
    var basePath: String { get }
    func stop()
}

extension SCIMServiceProvider {
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)\(basePath)")! }
}

extension SCIMServerFixture: SCIMServiceProvider {
    public var basePath: String { "/v2" }
}
