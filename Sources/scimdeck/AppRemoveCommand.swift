import ArgumentParser
import Store

/// `scimdeck app remove --app A`: removes the app locally; nothing is sent to it.
struct AppRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an app and all it holds locally (the app itself is not touched)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let found = try app.resolve(in: store)
        _ = try store.apps.remove(appId: found.id)
        print("removed \(found.label)")
    }
}
