import Foundation
import Provisioning
import SCIM

/// Progress on stderr: a bar redrawn in place on a terminal, a line every few seconds otherwise,
/// or JSON lines on stdout with `--json`.
final class SyncProgressPrinter: @unchecked Sendable {
    struct Line: Encodable {
        var done: Int
        var total: Int
        var failed: Int
        var rate: Double
    }

    struct PauseLine: Encodable {
        var event = "pause"
        var seconds: Double
        var status: Int?
        var message: String
    }

    private let json: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastPrinted = 0.0

    init(json: Bool) {
        self.json = json
    }

    func update(_ progress: ApplyProgress) {
        lock.withLock {
            let finished = progress.done == progress.total
            if json {
                JSONOutput.line(Line(done: progress.done, total: progress.total, failed: progress.failed, rate: (progress.rate * 10).rounded() / 10))
                return
            }
            let interval = isTerminal ? 0.1 : 5
            guard finished || progress.elapsed - lastPrinted >= interval else { return }
            lastPrinted = progress.elapsed
            let text = "\(progress.done)/\(progress.total) done, \(progress.failed) failed, \(Int(progress.rate.rounded()))/s"
            if isTerminal {
                let width = 30
                let filled = progress.total == 0 ? width : width * progress.done / progress.total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                StandardStreams.errRedrawing("\(bar) \(text)", eraseToEnd: true, newline: finished)
            } else {
                StandardStreams.err(text + "\n")
            }
        }
    }

    /// The run is paused for a rate limit: said at once, whatever the progress interval.
    func pause(_ pause: SCIMRunPause) {
        lock.withLock {
            if json {
                JSONOutput.line(PauseLine(seconds: pause.seconds, status: pause.status, message: pause.description))
            } else if isTerminal {
                StandardStreams.errRedrawing(pause.description, eraseToEnd: true, newline: true)
            } else {
                StandardStreams.err(pause.description + "\n")
            }
        }
    }
}
