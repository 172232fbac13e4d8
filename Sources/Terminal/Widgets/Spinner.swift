/// The one-character spinner beside work running in the background: `Spinner.frame(n)` for tick n.
public enum Spinner {
    static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    public static func frame(_ tick: Int) -> String {
        String(frames[((tick % frames.count) + frames.count) % frames.count])
    }
}
