import Foundation

/// Where scimdeck's data files (themes, the demo's sample directory) are at run time, found from the
/// binary's own path so an installed scimdeck works from any folder: `PREFIX/bin/scimdeck` reads
/// `PREFIX/share/scimdeck/…`, and a checkout's `.build/<config>/scimdeck` reads the repo's files.
public enum ShareDirectory {
    /// The running binary's real path. `/proc/self/exe` rather than argv[0], which is a bare name
    /// when the shell found scimdeck on `PATH`; argv[0] only where there is no `/proc`.
    public static func executablePath() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return path
        }
        return CommandLine.arguments.first
    }

    /// Where `relative` (`themes`, `Samples`) may be, installed layout first:
    /// `<bin>/../share/scimdeck/<relative>`, then `<relative>` beside or above the executable
    /// (a SwiftPM build puts it three levels under the repo, in `.build/<triple>/<config>/`).
    public static func candidates(_ relative: String, executablePath: String?) -> [String] {
        guard let executablePath else { return [] }
        let binDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        var result = [binDirectory.deletingLastPathComponent().appendingPathComponent("share/scimdeck/" + relative).path]
        var directory = binDirectory
        for _ in 0..<4 {
            result.append(directory.appendingPathComponent(relative).path)
            directory.deleteLastPathComponent()
        }
        return result
    }
}
