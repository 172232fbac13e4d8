import ArgumentParser
import Store

/// `scimdeck store …`: the store file as a whole.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Copy the store file.", subcommands: [StoreExportCommand.self])
}

/// `scimdeck store export FILE [--without-secrets]`: a one-file copy of the store.
struct StoreExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a copy of the store to FILE (mode 0600), e.g. for a support ticket.",
        discussion: """
            The copy holds the directory (people, groups), the apps and their settings, assignments, links, the journal and \
            the request log. Request logs are included, with the API token redacted from every request and response. \
            With --without-secrets the API tokens and SAML signing keys are removed and their pages wiped: that copy is the \
            one to hand to support. Without it, the secrets stay sealed in the copy and open only with this store's key file.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Where to write the copy (must not exist).") var file: String
    @Flag(name: .customLong("without-secrets"), help: "Leave the API tokens and signing keys out of the copy.")
    var withoutSecrets = false

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let summary = try store.export(to: file, withoutSecrets: withoutSecrets)
        if withoutSecrets {
            print("wrote \(summary.path) without secrets (\(summary.removedSecrets) left out)")
        } else {
            print("wrote \(summary.path) with \(summary.secrets) sealed secret\(summary.secrets == 1 ? "" : "s"), readable only with \(store.keys.location)")
        }
    }
}
