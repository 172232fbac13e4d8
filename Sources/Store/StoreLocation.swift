import Foundation

/// Where the store lives: `--store PATH`, else `$XDG_DATA_HOME/scimdeck/scimdeck.sqlite`,
/// else `~/.local/share/scimdeck/scimdeck.sqlite`.
public enum StoreLocation {
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((dataHome as NSString).appendingPathComponent("scimdeck") as NSString).appendingPathComponent("scimdeck.sqlite")
    }
}
