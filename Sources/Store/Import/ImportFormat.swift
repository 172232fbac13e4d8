/// The file formats `directory import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case csv
    case ldif
    case scim

    /// The format a file name suggests: `.csv`, `.ldif`/`.ldf`, `.json`/`.scim`.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".csv") {
            self = .csv
        } else if lowered.hasSuffix(".ldif") || lowered.hasSuffix(".ldf") {
            self = .ldif
        } else if lowered.hasSuffix(".json") || lowered.hasSuffix(".scim") {
            self = .scim
        } else {
            return nil
        }
    }
}
