import Foundation

// scimdeck-manual BINARY OUTPUT-DIRECTORY: writes a man page per command (scimdeck.1,
// scimdeck-sync.1, scimdeck-app-set.1, …) from the binary's `--experimental-dump-help`.
// ArgumentParser's generate-manual plugin does the same, but it builds every product in release
// first and cannot run while another SwiftPM holds .build (the install test runs inside `swift test`).

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("scimdeck-manual: \(message)\n".utf8))
    exit(1)
}

func output(of binary: String, _ arguments: [String]) -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { fail("cannot run \(binary): \(error)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { fail("\(binary) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)") }
    return data
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let binary = arguments.first, let directory = arguments.last else {
    fail("usage: scimdeck-manual BINARY OUTPUT-DIRECTORY")
}
let info: ToolInfo
do {
    info = try JSONDecoder().decode(ToolInfo.self, from: output(of: binary, ["--experimental-dump-help"]))
} catch {
    fail("\(binary) --experimental-dump-help is not ToolInfo JSON: \(error)")
}
let version = String(decoding: output(of: binary, ["--version"]), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)

var pending = [info.command]
var written = 0
do {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    while let command = pending.popLast() {
        let page = ManualPage(command: command, version: version)
        try page.roff.write(toFile: directory + "/" + page.fileName, atomically: true, encoding: .utf8)
        written += 1
        pending += command.visibleSubcommands
    }
} catch {
    fail("cannot write the pages into \(directory): \(error)")
}
print("scimdeck-manual: \(written) pages in \(directory)")
