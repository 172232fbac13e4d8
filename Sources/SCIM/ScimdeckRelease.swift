/// scimdeck's release number, in one place: `--version` prints it and the default User-Agent carries it.
public enum ScimdeckRelease {
    public static let version = "0.2.0"
}
