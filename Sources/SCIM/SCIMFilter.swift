import JSON

/// Filter expressions (RFC 7644 §3.4.2.2) for the lookups scimdeck makes.
public enum SCIMFilter {
    /// `attribute eq "value"` with `"` and `\` escaped inside the value.
    public static func equals(_ attribute: String, _ value: String) -> String {
        "\(attribute) eq \(quoted(value))"
    }

    /// A filter's compValue string is a JSON string literal (RFC 7644 §3.4.2.2): written by JSON's one escaper.
    public static func quoted(_ value: String) -> String {
        JSONString.quoted(value)
    }
}
