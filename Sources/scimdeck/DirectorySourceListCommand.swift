import ArgumentParser
import Store

/// `scimdeck directory source list`
struct DirectorySourceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the directory sources and their last import.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let sources = try store.directorySources.all()
        guard !sources.isEmpty else {
            print("no directory sources; add one with `scimdeck directory source add`")
            return
        }
        for source in sources {
            let tls = source.startTLS ? " StartTLS" : ""
            print("\(source.name)  \(source.url)\(tls)  base \(source.baseDN)  bind \(source.bindDN)  preset \(source.preset.rawValue)")
            if let at = source.lastImportAt, let summary = source.lastImportSummary {
                print("  last import \(at.formatted(.iso8601)): \(summary)")
            } else {
                print("  never imported")
            }
        }
    }
}
