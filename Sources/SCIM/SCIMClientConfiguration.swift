import Foundation

/// Where a SCIM provider is and how to talk to it.
public struct SCIMClientConfiguration: Sendable {
    /// The SCIM base URL, such as `https://example.com/scim/v2`; endpoints are appended (`/Users`).
    public var baseURL: URL
    public var token: BearerToken
    /// Seconds before one request is abandoned.
    public var timeout: Double
    public var retry: SCIMRetryPolicy
    /// `count` asked for on each page of a list.
    public var pageSize: Int
    /// Most member changes carried by one PATCH of a group.
    public var memberBatchSize: Int
    /// Send `If-Match` with the resource's version on PUT (when the provider announces ETags).
    public var useETags: Bool
    /// The `User-Agent` of every request; nil leaves the transport's own. Some apps allow-list a
    /// client by it (Okta's is `Okta SCIM Client 1.0.0`).
    public var userAgent: String?

    /// What scimdeck calls itself when an app's settings name no other User-Agent.
    public static let defaultUserAgent = "scimdeck/\(ScimdeckRelease.version)"

    public init(baseURL: URL, token: BearerToken, timeout: Double = 30, retry: SCIMRetryPolicy = .standard,
                pageSize: Int = 100, memberBatchSize: Int = 100, useETags: Bool = false, userAgent: String? = nil) {
        self.baseURL = baseURL
        self.token = token
        self.timeout = timeout
        self.retry = retry
        self.pageSize = max(1, pageSize)
        self.memberBatchSize = max(1, memberBatchSize)
        self.useETags = useETags
        self.userAgent = userAgent
    }
}
