import Foundation

/// Where the store's key is: the key file `$SCIMDECK_KEY_FILE` when set (for services, and for tests);
/// else the key file `$XDG_CONFIG_HOME/scimdeck/store.key` (or `~/.config/…`) when it exists; else the
/// desktop keyring when the session bus offers a Secret Service; else that key file, made on first use.
///
/// One key for the user, whichever store: a store copied elsewhere (a backup, a support ticket) does
/// not carry it. Each sealed secret records the key's fingerprint, so a store opened with another key
/// says so instead of failing obscurely.
public enum StoreKeyLocation {
    public static let environmentVariable = "SCIMDECK_KEY_FILE"

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        return XDGDirectory.config.scimdeckPath("store.key", environment: environment)
    }

    /// The key source the store uses: see the type's description. A key file that exists wins over the
    /// keyring, so a key is never looked for anywhere but where it was made.
    public static func defaultSource(environment: [String: String] = ProcessInfo.processInfo.environment) -> any SecretKeySource {
        let file = KeyFile(path: defaultPath(environment: environment))
        if let path = environment[environmentVariable], !path.isEmpty { return file }
        if FileManager.default.fileExists(atPath: file.path) { return file }
        return SecretServiceKeys.available(environment: environment) ?? file
    }
}
