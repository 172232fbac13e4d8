import Foundation
import Synchronization

/// SIGTERM and SIGINT as a request to stop, for `scimdeck run`: the handler only records the
/// signal (an atomic store, safe in a handler); the agent looks at it between operations.
enum StopSignal {
    private static let received = Atomic<Int32>(0)

    /// Installs the handlers, and unblocks both signals on this thread: a process started by another
    /// program's worker thread may inherit them blocked, and would then never hear systemd's stop.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in StopSignal.received.store(signal, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in [SIGTERM, SIGINT] {
            sigaction(signal, &action, nil)
            sigaddset(&mask, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }

    /// The signal received, or nil.
    static var pending: Int32? {
        let value = received.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: return "SIGTERM"
        case SIGINT: return "SIGINT"
        default: return "signal \(signal)"
        }
    }

    /// Returns when a stop signal arrives, when `deadline` (if any) has passed, or when the task is
    /// cancelled. It looks every 50 ms: a handler may do almost nothing, so nothing can wake a task from it.
    static func wait(until deadline: Date? = nil) async {
        while pending == nil, !Task.isCancelled, deadline.map({ Date() < $0 }) ?? true {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
