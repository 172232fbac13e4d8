import ArgumentParser
import Store

/// `scimdeck secrets …`: the key the store's secrets are sealed under.
struct SecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Check the store's secrets and rotate the key they are sealed under.",
        discussion: """
            API tokens and SAML signing keys are sealed (ChaCha20-Poly1305) under a key kept outside the store: \
            the file $\(StoreKeyLocation.environmentVariable) when set; else $XDG_CONFIG_HOME/scimdeck/store.key when it exists; \
            else the desktop keyring when the session bus offers a Secret Service; else that key file, made on first use (mode 0600). \
            A store copied without its key opens and works, but its secrets cannot be read until they are entered again.
            """,
        subcommands: [SecretsCheckCommand.self, SecretsRotateKeyCommand.self]
    )
}

/// `scimdeck secrets check`: every stored secret, and whether it can be read with the key here.
struct SecretsCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "List the stored secrets (never their values) and whether each can be read here.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let checks = try store.secrets.check()
        if checks.isEmpty {
            print("no secrets stored; they will be sealed under \(store.keys.location)")
            return
        }
        TextTable.print(["SECRET", "KEY", "STATE"], checks.map {
            [$0.secret.description, $0.keyId ?? "-", $0.problem == nil ? "readable" : "cannot be read"]
        })
        let problems = checks.compactMap(\.problem)
        guard problems.isEmpty else {
            StandardStreams.err(problems.map { "\($0)\n" }.joined())
            throw ExitCode(1)
        }
    }
}

/// `scimdeck secrets rotate-key`: seal every secret under a new key, then make it the key.
struct SecretsRotateKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-key",
        abstract: "Seal every secret under a new key, then make it the store's key.",
        discussion: """
            The new key is kept beside the current one first (KEYFILE.next, or a keyring item), every secret is resealed \
            in one transaction, and only then does the new key replace the current one; the old key is kept as the previous \
            key (KEYFILE.previous), so another store that shared it still opens (run rotate-key on that store too). \
            Nothing changes when a secret cannot be read with the keys here.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let rotation = try store.secrets.rotateKey()
        let from = rotation.previousKey.map { " (was \($0))" } ?? ""
        print("resealed \(rotation.resealed) secret\(rotation.resealed == 1 ? "" : "s") under key \(rotation.newKey)\(from), now in \(rotation.location)")
    }
}
