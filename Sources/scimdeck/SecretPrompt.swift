import ArgumentParser
import Foundation

/// Asks for a secret on the terminal with echo off; reads a line of stdin when it is not a terminal
/// (a pipe). The API token and a bind password are both read this way.
enum SecretPrompt {
    /// - Parameter whenNoInput: the error's message when stdin is neither a terminal nor holds a line.
    static func read(_ text: String, whenNoInput: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError(whenNoInput) }
            return line
        }
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
