import CCurl

/// libcurl's process-wide set-up, done once before the first handle is made.
enum CurlRuntime {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static var versionDescription: String {
        guard let text = curl_version() else { return "libcurl" }
        return String(cString: text)
    }
}
