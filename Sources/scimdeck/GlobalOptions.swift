import ArgumentParser
import Store

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: "The store file (default: $XDG_DATA_HOME/scimdeck/scimdeck.sqlite).")
    var store: String?

    var storePath: String { store ?? StoreLocation.defaultPath() }
}
