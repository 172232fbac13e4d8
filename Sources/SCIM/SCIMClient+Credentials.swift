extension SCIMClient {
    /// **Test API Credentials**: one cheap authenticated call, `GET /Users?startIndex=1&count=1`, sent once,
    /// telling apart a bad URL, an unreachable service, a refused token, something that is not SCIM, and OK.
    public func testCredentials() async -> SCIMCredentialCheck {
        let request: HTTPRequest
        do {
            request = try makeRequest("GET", path: SCIMUser.endpoint, query: [("startIndex", "1"), ("count", "1")])
        } catch {
            return .badURL(error.reason)
        }
        let response: HTTPResponse
        do {
            response = try await send(request, retry: .never)
        } catch let error as SCIMClientError {
            return Self.classify(error)
        } catch {
            return .failed("\(error)")
        }
        do {
            let json = try Self.decodeJSON(response, request: request)
            let page = try SCIMListResponse<SCIMUser>(json: json)
            return .verified(totalUsers: page.totalResults)
        } catch let error as SCIMClientError {
            return .notSCIM("GET \(request.url.absoluteString) answered \(error.reason)")
        } catch {
            return .notSCIM("GET \(request.url.absoluteString) answered JSON that is not a SCIM ListResponse (\(error))")
        }
    }

    static func classify(_ error: SCIMClientError) -> SCIMCredentialCheck {
        switch error.kind {
        case .invalidBaseURL, .invalidRequest:
            return .badURL(error.reason)
        case .transport(let transport):
            switch transport {
            case .invalidURL, .insecureHTTPRefused: return .badURL(transport.description)
            default: return .unreachable(transport.description)
            }
        case .notSCIM, .foreignResource:
            return .notSCIM(error.reason)
        case .waitLimitExceeded:
            return .failed(error.reason)
        case .status:
            let status = error.status ?? 0
            let url = error.request?.url ?? ""
            if status == 401 || status == 403 { return .unauthorized(status: status, detail: error.detail) }
            // 5xx and 429 are a SCIM service having trouble; a 404, or a 4xx without a SCIM Error body, is a wrong path.
            if status == 404 || status == 405 || (status < 500 && status != 429 && !error.hasSCIMErrorBody) {
                return .notSCIM("GET \(url) answered HTTP \(status)\(error.detail.map { ", \($0)" } ?? ""): check that the base URL ends at the SCIM root (often …/scim/v2)")
            }
            return .failed(error.reason)
        }
    }
}
