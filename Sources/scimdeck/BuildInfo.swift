import CBuildInfo

/// What `scimdeck --version` says: the release and the commit it was built from.
enum BuildInfo {
    static let version = "0.2.0"

    static var commit: String { String(cString: scimdeck_build_commit()) }

    static var versionLine: String { "scimdeck \(version) (\(commit))" }
}
