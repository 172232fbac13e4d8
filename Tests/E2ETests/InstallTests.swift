import Foundation
import TestSupport
import XCTest

/// `make install` into a temporary prefix, then the installed scimdeck used from another folder as an
/// admin would, then `make uninstall`. The test installs the debug binary `swift build --build-tests`
/// made (`BINARY=`): a release build inside the suite would take minutes, and SwiftPM cannot build
/// while `swift test` holds `.build`. `make install` without BINARY builds in release.
final class InstallTests: ConsoleEndToEndCase {
    private var prefix: URL { directory.appendingPathComponent("prefix") }
    private var elsewhere: URL { directory.appendingPathComponent("elsewhere") }

    /// A user's environment with nothing of the checkout in it: no SCIMDECK_* variables, an empty
    /// config home, so themes and samples can only come from the installed share directory.
    private var userEnvironment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.appendingPathComponent("home").path,
            "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path,
            "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
            "LANG": "C.UTF-8", "MANPAGER": "cat", "MANWIDTH": "100",
        ]
    }

    func test_makeInstallGivesAScimdeckThatWorksFromAnyFolderAndUninstallRemovesIt() throws {
        let built = try binary()
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try make(["install", "PREFIX=\(prefix.path)", "BINARY=\(built)"])
        let scimdeck = prefix.appendingPathComponent("bin/scimdeck")

        let version = try installed(scimdeck, ["--version"]).stdout
        let commit = try tool("/usr/bin/env", ["git", "-C", TestEnvironment.packageRoot.path, "rev-parse", "--short", "HEAD"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(version.hasPrefix("scimdeck 0."), version)
        XCTAssertTrue(version.contains("(\(commit)"), "--version names the commit built (scripts/build-info.sh): \(version)")

        XCTAssertTrue(try installed(scimdeck, ["demo", "--help"]).stdout.contains("--base-url"))
        XCTAssertTrue(try installed(scimdeck, ["sync", "--help"]).stdout.contains("USAGE: scimdeck sync"))

        // The demo imports the installed sample directory; it sends nothing, so the URL needs no server.
        let token = directory.appendingPathComponent("token")
        try "demo-token\n".write(to: token, atomically: true, encoding: .utf8)
        let demo = try installed(scimdeck, ["demo", "--store", directory.appendingPathComponent("store.sqlite").path,
                                            "--base-url", "http://127.0.0.1:9/v2", "--token-file", token.path])
        XCTAssertTrue(demo.stdout.contains("Demo workspace ready: 50 people"), demo.stdout)

        let themes = try installed(scimdeck, ["theme", "list"]).stdout
        let dark = prefix.appendingPathComponent("share/scimdeck/themes/dark.toml").path
        XCTAssertNotNil(themes.split(separator: "\n").first { $0.hasPrefix("dark ") && $0.contains(dark) && $0.hasSuffix("ok") },
                        "`--theme dark` is read from the installed share directory:\n\(themes)")

        let share = prefix.appendingPathComponent("share")
        for script in ["bash-completion/completions/scimdeck", "zsh/site-functions/_scimdeck", "fish/vendor_completions.d/scimdeck.fish"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: share.appendingPathComponent(script).path), script)
        }
        let bash = try tool("/bin/bash", ["-c", "source \(share.path)/bash-completion/completions/scimdeck && complete -p scimdeck"])
        XCTAssertEqual(bash.stderr, "", "the bash completion loads without error")
        XCTAssertTrue(bash.stdout.contains("-F _scimdeck scimdeck"), bash.stdout)

        let page = try tool("/usr/bin/env", ["man", "-l", share.appendingPathComponent("man/man1/scimdeck-sync.1").path])
        XCTAssertTrue(page.stdout.contains("SCIMDECK-SYNC(1)") && page.stdout.contains("--app <app>"), page.stdout)
        XCTAssertFalse(page.stderr.contains("warning"), page.stderr)

        let unit = try String(contentsOf: prefix.appendingPathComponent("lib/systemd/system/scimdeck.service"), encoding: .utf8)
        XCTAssertTrue(unit.contains("ExecStart=\(scimdeck.path) run"), "the unit runs the binary where it was installed")

        try make(["uninstall", "PREFIX=\(prefix.path)"])
        XCTAssertEqual(try filesUnder(prefix), [], "make uninstall leaves no file behind")
    }

    private func make(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try ScimdeckRun.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["make", "-s"] + arguments, in: directory,
                                      workingDirectory: TestEnvironment.packageRoot)
        XCTAssertEqual(run.status, 0, "make \(arguments.joined(separator: " ")):\n\(run.stdout)\n\(run.stderr)", file: file, line: line)
    }

    /// The installed binary, run from a folder that is not the checkout.
    private func installed(_ scimdeck: URL, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ScimdeckRun {
        let run = try ScimdeckRun.run(executable: scimdeck, arguments, in: directory, workingDirectory: elsewhere, environment: userEnvironment)
        XCTAssertEqual(run.status, 0, "scimdeck \(arguments.joined(separator: " ")): \(run.stderr)", file: file, line: line)
        return run
    }

    private func tool(_ path: String, _ arguments: [String]) throws -> ScimdeckRun {
        try ScimdeckRun.run(executable: URL(fileURLWithPath: path), arguments, in: directory, workingDirectory: elsewhere, environment: userEnvironment)
    }

    private func filesUnder(_ root: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }.map(\.path)
    }
}
