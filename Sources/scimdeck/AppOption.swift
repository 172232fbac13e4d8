import ArgumentParser
import Provisioning
import Store

/// `--app LABEL`: which app a command works on, by label (any case) or id.
struct AppOption: ParsableArguments {
    @Option(name: .customLong("app"), help: "The app, by label or id (see `scimdeck app list`).")
    var name: String

    func resolve(in store: ScimdeckStore) throws -> Saved<AppIntegration> {
        try ProvisioningEngine.app(named: name, in: store)
    }
}
