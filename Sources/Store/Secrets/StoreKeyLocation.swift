import Foundation

/// Where the store's key file is: `$SCIMDECK_KEY_FILE` (for services, and for tests), else
/// `$XDG_CONFIG_HOME/scimdeck/store.key`, else `~/.config/scimdeck/store.key`.
///
/// One key for the user, whichever store: a store copied elsewhere (a backup, a support ticket) does
/// not carry it. Each sealed secret records the key's fingerprint, so a store opened with another key
/// says so instead of failing obscurely.
public enum StoreKeyLocation {
    public static let environmentVariable = "SCIMDECK_KEY_FILE"

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        let configHome: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            configHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            configHome = (home as NSString).appendingPathComponent(".config")
        }
        return ((configHome as NSString).appendingPathComponent("scimdeck") as NSString).appendingPathComponent("store.key")
    }

    /// The key file at the default path.
    public static func defaultSource(environment: [String: String] = ProcessInfo.processInfo.environment) -> KeyFile {
        KeyFile(path: defaultPath(environment: environment))
    }
}
