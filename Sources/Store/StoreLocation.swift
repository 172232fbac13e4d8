import Foundation

/// Where the store lives: `--store PATH`, else `$XDG_DATA_HOME/scimdeck/scimdeck.sqlite`,
/// else `~/.local/share/scimdeck/scimdeck.sqlite`.
public enum StoreLocation {
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        XDGDirectory.data.scimdeckPath("scimdeck.sqlite", environment: environment)
    }
}
