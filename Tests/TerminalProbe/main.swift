import Foundation
import Terminal

// Writes its pid where the test asks, so the test can send it SIGTERM.
if let pidFile = ProcessInfo.processInfo.environment["PROBE_PID_FILE"] {
    try? String(getpid()).write(toFile: pidFile, atomically: true, encoding: .utf8)
}
let environment = ProcessInfo.processInfo.environment
let loader = ThemeLoader(directories: ThemeLoader.standardDirectories(environment: environment, executablePath: ShareDirectory.executablePath()))
let selection = loader.load(named: environment["PROBE_THEME"], environment: environment)
let status = TerminalApp.run(ProbeProgram(), selection: selection)
print("probe exited with \(status)")
exit(status)
