import Foundation
import TestSupport
import XCTest

/// `make deb` packages what `make install PREFIX=/usr` installs, root-owned, with its library
/// Depends. The test packages the debug binary (`BINARY=`, allowed to need the Swift runtime): a
/// release build would take minutes; `make deb` alone builds in release with the runtime linked in.
final class DebPackageTests: ConsoleEndToEndCase {
    func test_makeDebPackagesTheInstalledFilesUnderUsrWithTheirLibraryDependencies() throws {
        let built = try binary()
        guard TmuxSession.which("dpkg-deb") != nil, TmuxSession.which("dpkg-shlibdeps") != nil else {
            throw XCTSkip("dpkg-deb and dpkg-shlibdeps (dpkg-dev) are not installed: scripts/setup.sh installs them")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["OUTPUT"] = directory.appendingPathComponent("dist").path
        environment["ALLOW_UNPACKAGED_LIBS"] = "1"
        environment["DEB_COMPRESSION"] = "none"  // xz takes a minute on the debug binary; the listing is the same
        let make = try run("/usr/bin/env", ["make", "-s", "deb", "BINARY=\(built)"], workingDirectory: TestEnvironment.packageRoot, environment: environment)
        XCTAssertEqual(make.status, 0, make.stderr)
        let deb = try XCTUnwrap(make.stdout.split(separator: "\n").last.map(String.init))
        XCTAssertTrue(deb.hasSuffix(".deb") && FileManager.default.fileExists(atPath: deb), make.stdout)
        XCTAssertTrue(make.stderr.contains("does not declare the Swift runtime"), "a debug binary's unpackaged runtime is said: \(make.stderr)")

        let listing = try run("/usr/bin/env", ["dpkg-deb", "-c", deb]).stdout
        let files = listing.split(separator: "\n")
        for path in ["./usr/bin/scimdeck", "./usr/share/scimdeck/themes/dark.toml", "./usr/share/scimdeck/Samples/directory.csv",
                     "./usr/share/bash-completion/completions/scimdeck", "./usr/share/zsh/site-functions/_scimdeck",
                     "./usr/share/fish/vendor_completions.d/scimdeck.fish", "./usr/share/man/man1/scimdeck-sync.1.gz",
                     "./usr/lib/systemd/system/scimdeck.service"] {
            XCTAssertNotNil(files.first { $0.hasSuffix(" " + path) }, "\(path) in:\n\(listing)")
        }
        XCTAssertTrue(files.allSatisfy { $0.contains(" root/root ") }, "every file is root's:\n\(listing)")

        let depends = try run("/usr/bin/env", ["dpkg-deb", "-f", deb, "Depends"]).stdout
        for package in ["libcurl4", "libncursesw6", "libsqlite3-0", "libc6"] {
            XCTAssertTrue(depends.contains(package + " (>="), "Depends names \(package) with a version: \(depends)")
        }
        let fields = try run("/usr/bin/env", ["dpkg-deb", "-f", deb, "Package", "Version", "Architecture"]).stdout
        XCTAssertTrue(fields.contains("Package: scimdeck") && fields.contains("Version: 0."), fields)

        // Unpacked, the package's binary finds the package's themes: the layout is the installed one.
        let root = directory.appendingPathComponent("root")
        XCTAssertEqual(try run("/usr/bin/env", ["dpkg-deb", "-x", deb, root.path]).status, 0)
        let themes = try run(root.appendingPathComponent("usr/bin/scimdeck").path, ["theme", "list"],
                             environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path])
        XCTAssertTrue(themes.stdout.contains(root.appendingPathComponent("usr/share/scimdeck/themes/dark.toml").path), themes.stdout + themes.stderr)
    }

    private func run(_ executable: String, _ arguments: [String], workingDirectory: URL? = nil,
                     environment: [String: String]? = nil) throws -> ScimdeckRun {
        try ScimdeckRun.run(executable: URL(fileURLWithPath: executable), arguments, in: directory,
                            workingDirectory: workingDirectory ?? directory, environment: environment)
    }
}
