import Foundation
import SCIM

/// Every line the CLI writes goes through here (`print` in this module too, see below): text that
/// came from the app or the directory is untrusted, so terminal control characters and escape
/// sequences are stripped (`TerminalSafeText`) before it reaches the terminal. Writes directly,
/// without `print`'s per-call locking, for long listings.
enum StandardStreams {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalSafeText.clean(text).utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(TerminalSafeText.clean(text).utf8))
    }

    /// scimdeck's own terminal control (a progress bar redrawn in place: `\r`, erase to end of line)
    /// around text that is cleaned first. The only way to write an escape sequence to the terminal.
    static func errRedrawing(_ text: String, eraseToEnd: Bool, newline: Bool) {
        let line = "\r" + TerminalSafeText.clean(text) + (eraseToEnd ? "\u{1B}[K" : "") + (newline ? "\n" : "")
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// `print` in the scimdeck target writes through `StandardStreams.out`, cleaned like every other
/// line: a command cannot print a server's or an import's words raw by forgetting to.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    StandardStreams.out(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
