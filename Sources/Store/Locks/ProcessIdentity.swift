import Foundation

/// A process as a lock records it: its pid and, where the system tells it, when it started, so a
/// pid reused by an unrelated process after a kill is not taken for the lock's holder.
public struct ProcessIdentity: Sendable, Equatable {
    public var pid: Int32
    /// Clock ticks since boot at which the process started (Linux `/proc/PID/stat`, field 22).
    public var startTicks: Int64?

    public init(pid: Int32, startTicks: Int64?) {
        self.pid = pid
        self.startTicks = startTicks
    }

    public static var current: ProcessIdentity {
        let pid = getpid()
        return ProcessIdentity(pid: pid, startTicks: startTicks(of: pid))
    }

    /// Whether this very process is still running.
    public var isAlive: Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        guard let recorded = startTicks, let now = Self.startTicks(of: pid) else { return true }
        return recorded == now
    }

    static func startTicks(of pid: Int32) -> Int64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces and parentheses): state is field 3,
        // so starttime (field 22) is the 20th after the closing parenthesis.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? Int64(fields[19]) : nil
    }
}
