import Foundation

/// An XDG base directory (the spec's rule: the variable when it holds an absolute path, else the
/// fallback under `$HOME`), with scimdeck's own folder in it.
public enum XDGDirectory {
    case data
    case config

    /// `$XDG_DATA_HOME/scimdeck/NAME` (`~/.local/share/…`) or `$XDG_CONFIG_HOME/scimdeck/NAME` (`~/.config/…`).
    public func scimdeckPath(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let (variable, fallback) = self == .data ? ("XDG_DATA_HOME", ".local/share") : ("XDG_CONFIG_HOME", ".config")
        let base: String
        if let xdg = environment[variable], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(fallback)
        }
        return ((base as NSString).appendingPathComponent("scimdeck") as NSString).appendingPathComponent(name)
    }
}
