import ArgumentParser
import Store

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: "The store file (default: $XDG_DATA_HOME/scimdeck/scimdeck.sqlite). Its secrets are sealed under the key in $SCIMDECK_KEY_FILE, else $XDG_CONFIG_HOME/scimdeck/store.key.")
    var store: String?

    var storePath: String { store ?? StoreLocation.defaultPath() }
}
