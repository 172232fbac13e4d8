import CBuildInfo
import SCIM

/// What `scimdeck --version` says: the release and the commit it was built from.
enum BuildInfo {
    static let version = ScimdeckRelease.version

    static var commit: String { String(cString: scimdeck_build_commit()) }

    static var versionLine: String { "scimdeck \(version) (\(commit))" }
}
