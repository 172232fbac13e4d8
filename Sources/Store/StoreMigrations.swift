import GRDB

/// The store's schema, as one migrator with named migrations.
///
/// A migration that has shipped is never edited: change the schema by appending a new one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 directory", migrate: createDirectory)
        migrator.registerMigration("v1 apps and settings", migrate: createApps)
        migrator.registerMigration("v1 assignments and push groups", migrate: createAssignments)
        migrator.registerMigration("v1 remote links, journal, request log", migrate: createEngineState)
        migrator.registerMigration("v1 secrets", migrate: createSecrets)
        migrator.registerMigration("v2 group push state", migrate: createGroupPushState)
        migrator.registerMigration("v3 attribute statements", migrate: addAttributeStatements)
        migrator.registerMigration("v4 group nesting", migrate: addGroupNesting)
        migrator.registerMigration("v5 app run lock", migrate: addAppRunLock)
        migrator.registerMigration("v6 sealed secrets", migrate: addSecretKeyId)
        migrator.registerMigration("v7 directory sources", migrate: addDirectorySources)
        migrator.registerMigration("v8 source full import time", migrate: addSourceFullImportTime)
        migrator.registerMigration("v9 app request settings and learned forms", migrate: addRequestSettingsAndLearnedForms)
        return migrator
    }

    /// People, groups and memberships: what provisioning reads, like Okta's Directory.
    ///
    /// `loginKey` / `nameKey` hold the case-folded login / name so that uniqueness is case-insensitive
    /// for every script, not only ASCII (SQLite's NOCASE folds ASCII alone). `searchKey` is the
    /// case-folded text `directory list --filter` looks in.
    private static func createDirectory(_ db: Database) throws {
        try db.create(table: "person") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("login", .text).notNull()
            t.column("loginKey", .text).notNull().unique()
            t.column("firstName", .text).notNull().defaults(to: "")
            t.column("lastName", .text).notNull().defaults(to: "")
            t.column("email", .text).notNull().defaults(to: "")
            t.column("status", .text).notNull().defaults(to: "active")
                .check(sql: "status IN ('active', 'suspended', 'deactivated')")
            t.column("attributes", .text).notNull().defaults(to: "{}")
            t.column("source", .text).notNull().defaults(to: "manual")
            t.column("externalKey", .text)
            t.column("searchKey", .text).notNull().defaults(to: "")
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "directoryGroup") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("nameKey", .text).notNull().unique()
            t.column("description", .text).notNull().defaults(to: "")
            t.column("source", .text).notNull().defaults(to: "manual")
            t.column("externalKey", .text)
            t.column("updatedAt", .datetime).notNull()
        }
        // WITHOUT ROWID: the key is the row, so each membership is one B-tree entry, not two.
        try db.create(table: "membership", options: [.withoutRowID]) { t in
            t.column("groupId", .integer).notNull().references("directoryGroup", onDelete: .cascade)
            t.column("personId", .integer).notNull().references("person", onDelete: .cascade)
            t.primaryKey(["groupId", "personId"])
        }
        try db.create(index: "membership_personId", on: "membership", columns: ["personId"])
    }

    /// App integrations and their Sign On / Provisioning tabs.
    private static func createApps(_ db: Database) throws {
        try db.create(table: "app") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("catalogEntry", .text).notNull()
            t.column("label", .text).notNull()
            t.column("stack", .text).notNull().defaults(to: "production")
                .check(sql: "stack IN ('production', 'demoTest')")
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "signOnSettings") { t in
            t.primaryKey("appId", .integer).references("app", onDelete: .cascade)
            t.column("defaultRelayState", .text).notNull().defaults(to: "")
            t.column("acsURL", .text).notNull().defaults(to: "")
            t.column("audienceURI", .text).notNull().defaults(to: "")
            t.column("nameIDFormat", .text).notNull().defaults(to: "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified")
            t.column("applicationUsername", .text).notNull().defaults(to: "login")
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "provisioningSettings") { t in
            t.primaryKey("appId", .integer).references("app", onDelete: .cascade)
            t.column("apiIntegrationEnabled", .boolean).notNull().defaults(to: false)
            t.column("baseURL", .text).notNull().defaults(to: "")
            t.column("createUsers", .boolean).notNull().defaults(to: false)
            t.column("updateUserAttributes", .boolean).notNull().defaults(to: false)
            t.column("deactivateUsers", .boolean).notNull().defaults(to: false)
            t.column("requestProfile", .text).notNull().defaults(to: "okta")
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "attributeMapping") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("scimAttribute", .text).notNull()
            t.column("expression", .text).notNull()
            t.column("applyOn", .text).notNull().defaults(to: "createAndUpdate")
                .check(sql: "applyOn IN ('createAndUpdate', 'createOnly')")
            t.uniqueKey(["appId", "scimAttribute"])
        }
    }

    /// Who is assigned to an app, and which groups (by name or by rule) are pushed to it.
    private static func createAssignments(_ db: Database) throws {
        try db.create(table: "assignment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("personId", .integer).references("person", onDelete: .cascade)
            t.column("groupId", .integer).references("directoryGroup", onDelete: .cascade)
            t.column("createdAt", .datetime).notNull()
            t.check(sql: "(personId IS NULL) <> (groupId IS NULL)")
        }
        try db.create(index: "assignment_person", on: "assignment", columns: ["appId", "personId"], options: .unique, condition: Column("personId") != nil)
        try db.create(index: "assignment_group", on: "assignment", columns: ["appId", "groupId"], options: .unique, condition: Column("groupId") != nil)

        try db.create(table: "pushGroupRule") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("nameOperator", .text).check(sql: "nameOperator IN ('startsWith', 'endsWith', 'contains')")
            t.column("nameValue", .text).notNull().defaults(to: "")
            t.column("descriptionOperator", .text).check(sql: "descriptionOperator IN ('startsWith', 'endsWith', 'contains')")
            t.column("descriptionValue", .text).notNull().defaults(to: "")
            t.column("createdAt", .datetime).notNull()
            t.uniqueKey(["appId", "name"])
        }
        try db.create(table: "pushGroupLink") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("groupId", .integer).notNull().references("directoryGroup", onDelete: .cascade)
            t.column("ruleId", .integer).references("pushGroupRule", onDelete: .setNull)
            t.column("status", .text).notNull().defaults(to: "pushing")
                .check(sql: "status IN ('pushing', 'active', 'error')")
            t.column("lastPushedAt", .datetime)
            t.column("lastError", .text)
            t.uniqueKey(["appId", "groupId"])
        }
    }

    /// What the engine remembers between runs: remote ids, the operation journal, the request log.
    ///
    /// `remoteLink.localId` is a person or group id (see `kind`) and deliberately not a foreign key:
    /// a person removed from the directory keeps its remote id so the engine can still deactivate it.
    private static func createEngineState(_ db: Database) throws {
        try db.create(table: "remoteLink") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("kind", .text).notNull().check(sql: "kind IN ('user', 'group')")
            t.column("localId", .integer).notNull()
            t.column("remoteId", .text).notNull()
            t.column("lastPayloadHash", .text)
            t.column("status", .text).notNull().defaults(to: "active")
                .check(sql: "status IN ('active', 'deactivated', 'error')")
            t.column("lastError", .text)
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["appId", "kind", "localId"])
        }
        try db.create(index: "remoteLink_remoteId", on: "remoteLink", columns: ["appId", "kind", "remoteId"])

        try db.create(table: "journalEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("runId", .text).notNull()
            t.column("sequence", .integer).notNull()
            t.column("operation", .text).notNull()
            t.column("targetKind", .text).notNull().check(sql: "targetKind IN ('user', 'group')")
            t.column("localId", .integer).notNull()
            t.column("payload", .text).notNull().defaults(to: "")
            t.column("state", .text).notNull().defaults(to: "planned")
                .check(sql: "state IN ('planned', 'sending', 'succeeded', 'failed')")
            t.column("remoteId", .text)
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("lastError", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["runId", "sequence"])
        }
        try db.create(index: "journalEntry_state", on: "journalEntry", columns: ["appId", "state"])

        try db.create(table: "requestLogEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("journalEntryId", .integer).references("journalEntry", onDelete: .setNull)
            t.column("sentAt", .datetime).notNull()
            t.column("method", .text).notNull()
            t.column("path", .text).notNull()
            t.column("statusCode", .integer)
            t.column("latencyMilliseconds", .integer).notNull().defaults(to: 0)
            t.column("result", .text).notNull().defaults(to: "")
            t.column("requestBody", .text)
            t.column("responseBody", .text)
        }
        try db.create(index: "requestLogEntry_sentAt", on: "requestLogEntry", columns: ["appId", "sentAt"])
    }

    /// API tokens and signing keys, apart from every other table so nothing lists them by accident.
    /// `appId` is NULL for a secret that belongs to the workspace (the SAML signing key).
    private static func createSecrets(_ db: Database) throws {
        try db.create(table: "secret") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("appId", .integer).references("app", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("value", .blob).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.execute(sql: "CREATE UNIQUE INDEX secret_scope ON secret(ifnull(appId, 0), name)")
    }

    /// What a pushed group looked like when last sent: its name, and the members the app was given,
    /// so the next run sends only the difference. *Push Now* and *Unlink* are requests the next run
    /// carries out.
    private static func createGroupPushState(_ db: Database) throws {
        try db.alter(table: "remoteLink") { t in
            t.add(column: "pushedName", .text)
        }
        try db.alter(table: "pushGroupLink") { t in
            t.add(column: "pushNowRequested", .boolean).notNull().defaults(to: false)
            t.add(column: "unlinkAction", .text).check(sql: "unlinkAction IN ('keep', 'delete')")
        }
        try db.create(table: "pushedMember") { t in
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("groupId", .integer).notNull()
            t.column("personId", .integer).notNull()
            t.primaryKey(["appId", "groupId", "personId"])
        }
    }

    /// The Sign On tab's attribute statements (name, name format, expression), as a JSON array.
    private static func addAttributeStatements(_ db: Database) throws {
        try db.alter(table: "signOnSettings") { t in
            t.add(column: "attributeStatements", .text).notNull().defaults(to: "[]")
        }
    }

    /// Groups in groups (Active Directory's nested groups), kept as the import files said them, and
    /// on each membership whether the group names the person itself (`direct`) or only holds them
    /// through a group it contains. `membership` stays the flattened whole that provisioning reads;
    /// the nesting and the flag let a later import that changes an inner group work out the outer
    /// ones again (see `NestedMembershipApplier`).
    private static func addGroupNesting(_ db: Database) throws {
        try db.create(table: "groupNesting", options: [.withoutRowID]) { t in
            t.column("groupId", .integer).notNull().references("directoryGroup", onDelete: .cascade)
            t.column("memberGroupId", .integer).notNull().references("directoryGroup", onDelete: .cascade)
            t.primaryKey(["groupId", "memberGroupId"])
        }
        try db.create(index: "groupNesting_memberGroupId", on: "groupNesting", columns: ["memberGroupId"])
        try db.alter(table: "membership") { t in
            t.add(column: "direct", .boolean).notNull().defaults(to: true)
        }
        // Partial: holds only the memberships through nesting, so an import without nesting finds
        // out that there is none at once, and adding a direct membership costs nothing more.
        try db.create(index: "membership_throughNesting", on: "membership", columns: ["groupId", "personId"], condition: Column("direct") == false)
    }

    /// Who is syncing an app now: one row per app while a run (console, CLI, agent) holds it. The
    /// process's start time tells a live holder from a killed one whose pid was given to another.
    private static func addAppRunLock(_ db: Database) throws {
        try db.create(table: "appRunLock") { t in
            t.primaryKey("appId", .integer).references("app", onDelete: .cascade)
            t.column("token", .text).notNull()
            t.column("holder", .text).notNull()
            t.column("pid", .integer).notNull()
            t.column("processStart", .integer)
            t.column("startedAt", .datetime).notNull()
        }
        // A person's or group's newest journal entry, found without reading the whole journal:
        // what a row shows and which creates were never answered.
        try db.create(index: "journalEntry_target", on: "journalEntry", columns: ["appId", "targetKind", "localId"])
    }

    /// Secrets are sealed (ChaCha20-Poly1305) under a key kept outside the store; each row records the
    /// fingerprint of the key that sealed it, so a store opened with another key says which one it wants.
    /// The plain values an earlier version wrote are not sealed here: a migration has no key, and an
    /// older scimdeck may still write a plain row (`keyId` NULL) after this one ran. The store seals
    /// such rows each time it opens, then wipes the file (see `SecretStore.sealPlainValues`).
    private static func addSecretKeyId(_ db: Database) throws {
        try db.alter(table: "secret") { t in
            t.add(column: "keyId", .text)
        }
    }

    /// Live directory sources (LDAP servers) and, for each entry they brought, its DN: a group read
    /// by an incremental import names its members by DN, and most of them were not read this time.
    /// People and groups find their source's entry by (`source`, `externalKey`), so a rename in the
    /// source stays the same row.
    private static func addDirectorySources(_ db: Database) throws {
        try db.create(table: "directorySource") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique()
            t.column("url", .text).notNull()
            t.column("bindDN", .text).notNull()
            t.column("baseDN", .text).notNull()
            t.column("preset", .text).notNull()
            t.column("userFilter", .text)
            t.column("groupFilter", .text)
            t.column("caFile", .text)
            t.column("startTLS", .boolean).notNull().defaults(to: false)
            t.column("pageSize", .integer).notNull().defaults(to: 500)
            t.column("changeMark", .text)
            t.column("lastImportAt", .datetime)
            t.column("lastImportKind", .text)
            t.column("lastImportSummary", .text)
        }
        try db.create(table: "directorySourceEntry", options: [.withoutRowID]) { t in
            t.column("sourceId", .integer).notNull().references("directorySource", onDelete: .cascade)
            t.column("kind", .text).notNull().check(sql: "kind IN ('person', 'group')")
            t.column("externalKey", .text).notNull()
            t.column("dnKey", .text).notNull()
            t.primaryKey(["sourceId", "kind", "externalKey"])
        }
        try db.create(index: "directorySourceEntry_dn", on: "directorySourceEntry", columns: ["sourceId", "dnKey"])
        try db.create(index: "person_sourceKey", on: "person", columns: ["source", "externalKey"])
        try db.create(index: "directoryGroup_sourceKey", on: "directoryGroup", columns: ["source", "externalKey"])
    }

    /// When a source last had a full import: `scimdeck run` makes one when it is due, so leavers are found.
    private static func addSourceFullImportTime(_ db: Database) throws {
        try db.alter(table: "directorySource") { t in
            t.add(column: "lastFullImportAt", .datetime)
        }
    }

    /// Per app, next to the request profile: the User-Agent and the requests in flight (NULL: the
    /// defaults, `scimdeck/<version>` and 4). And the request forms an app was found to accept after
    /// refusing the profile's own (a 400 or 501), so the next run sends what works at once.
    private static func addRequestSettingsAndLearnedForms(_ db: Database) throws {
        try db.alter(table: "provisioningSettings") { t in
            t.add(column: "userAgent", .text)
            t.add(column: "concurrency", .integer).check(sql: "concurrency IS NULL OR concurrency BETWEEN 1 AND 64")
        }
        try db.create(table: "learnedRequestForm") { t in
            t.column("appId", .integer).notNull().references("app", onDelete: .cascade)
            t.column("operation", .text).notNull()
            t.column("form", .text).notNull()
            t.column("learnedAt", .datetime).notNull()
            t.primaryKey(["appId", "operation"])
        }
    }
}
