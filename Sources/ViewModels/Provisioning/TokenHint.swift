/// How a saved API token shows on screen: bullets and its last four characters (`••••3f9a`), enough
/// for an admin to tell which token is stored and useless to anyone reading over a shoulder.
public enum TokenHint {
    /// Tokens shorter than this show no characters at all: four of six would give most of it away.
    static let shortestRevealed = 12

    /// A stored token sealed with a key that is not here (`scimdeck app show` says which key).
    public static let unreadable = "•••• cannot be read: the store's key is missing or wrong"

    public static func of(_ token: String) -> String {
        guard token.count >= shortestRevealed else { return "••••" }
        return "••••" + String(token.suffix(4))
    }
}
