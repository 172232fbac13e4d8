// swift-tools-version:6.1
import PackageDescription

// Layers call downward only (see DESIGN.md):
// scimdeck → Console → ViewModels → Provisioning → SCIM / Store / SAML;  Console → Terminal;  HTTP → SCIM;  LDAP → Store;
// SCIM / Store → JSON.
let package = Package(
    name: "scimdeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scimdeck", targets: ["scimdeck"]),
        .executable(name: "scimdeck-manual", targets: ["scimdeck-manual"]),
        .executable(name: "scimdeck-scim-bench", targets: ["scimdeck-scim-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Theme files are TOML 1.0 (toml++ underneath).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C shims: typed wrappers for variadic and macro APIs Swift cannot call directly.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .target(
            name: "CNCursesW",
            cSettings: [.define("NCURSES_WIDECHAR", to: "1"), .define("_XOPEN_SOURCE_EXTENDED", to: "1")],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),

        // The git commit `--version` shows, from a header scripts/build-info.sh writes ("unknown" without it).
        .target(name: "CBuildInfo"),
        // libldap's controls and options behind plain C calls; lber holds the BER values and cookies.
        .target(name: "CLDAP", linkerSettings: [.linkedLibrary("ldap"), .linkedLibrary("lber")]),

        // The one JSON value type, parser, writer and string escaper, under SCIM and Store (no dependencies).
        .target(name: "JSON"),
        .target(name: "SCIM", dependencies: ["JSON"]),
        .target(name: "HTTP", dependencies: ["CCurl", "SCIM"]),
        // GRDBSQLite: the People table reads column bytes straight from the statement (see PeopleColumns).
        .target(name: "Store", dependencies: [
            "JSON",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
            // The secrets' AEAD (ChaCha20-Poly1305) and the key's fingerprint.
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // libldap source reader: implements Store's `DirectorySourceConnector`, as HTTP implements SCIM's transport.
        .target(name: "LDAP", dependencies: ["CLDAP", "Store"]),
        .target(name: "SAML", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
        ]),
        .target(name: "Provisioning", dependencies: ["JSON", "SCIM", "Store", "SAML", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "ViewModels", dependencies: ["JSON", "Provisioning", "SAML", "SCIM", "Store"]),
        .target(name: "Terminal", dependencies: ["CNCursesW", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "Console", dependencies: ["ViewModels", "Provisioning", "Terminal"]),
        .executableTarget(name: "scimdeck", dependencies: [
            "Console", "HTTP", "JSON", "LDAP", "Provisioning", "Store", "SAML", "SCIM", "Terminal", "ViewModels", "CBuildInfo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Writes the man pages from the binary's command tree (`make install`, `make deb`).
        .executableTarget(name: "scimdeck-manual"),
        .executableTarget(name: "scimdeck-scim-bench", dependencies: [
            "HTTP", "SCIM", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .executableTarget(name: "scimdeck-bench", dependencies: [
            "Console", "ViewModels", "Provisioning", "HTTP", "SCIM", "Store", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Shared by the test targets: scim2-server fixture, fault proxy, temp dirs.
        .target(name: "TestSupport", dependencies: ["JSON"], path: "Tests/TestSupport"),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "SCIMTests", dependencies: ["JSON", "SCIM", "HTTP", "CCurl", "TestSupport"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ProvisioningTests", dependencies: ["Provisioning", "SAML", "SCIM", "Store"]),
        .testTarget(name: "ViewModelsTests", dependencies: ["ViewModels", "Provisioning", "HTTP", "SAML", "SCIM", "Store", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["JSON", "Provisioning", "HTTP", "LDAP", "SCIM", "Store", "TestSupport"]),
        // A real slapd started by the tests (SlapdFixture): binds, paging, incremental and full imports.
        .testTarget(name: "LDAPTests", dependencies: ["LDAP", "Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "SAMLTests",
            dependencies: [
                "SAML", "Provisioning", "Store", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Checkers"]
        ),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TestSupport"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "ViewModels", "Provisioning", "Terminal", "Store", "TestSupport", "HTTP", "SCIM"]),
        // The real scimdeck binary in tmux (needs `swift build --build-tests`, which builds it too); GRDB reads the store it leaves.
        .testTarget(name: "E2ETests", dependencies: ["TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // A tiny program on the real ncurses backend that TerminalTests drive in tmux.
        .executableTarget(name: "terminal-probe", dependencies: ["Terminal"], path: "Tests/TerminalProbe"),
    ],
    swiftLanguageModes: [.v6]
)
