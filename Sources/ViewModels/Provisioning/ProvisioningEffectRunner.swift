import Foundation
import Provisioning
import SCIM
import Store

/// Carries out the effects of the Provisioning tab's view models against the store and a transport,
/// and answers each with the intent that reports its result. The console runs it off the UI loop;
/// tests drive whole flows with `send(_:to:)`.
public struct ProvisioningEffectRunner: Sendable {
    public let store: ScimdeckStore
    public let app: Saved<AppIntegration>
    public let transport: any HTTPTransport

    public init(store: ScimdeckStore, app: Saved<AppIntegration>, transport: any HTTPTransport) {
        self.store = store
        self.app = app
        self.transport = transport
    }

    var appID: Int64 { app.id }
    /// Every Save of the tab goes through this: the change checked whole, then written in one transaction.
    var settings: AppSettings { AppSettings(store: store, appID: appID) }
    var catalogEntry: CatalogEntry? { Catalog.entry(named: app.catalogEntry) }

    // MARK: Driving a view model

    /// Sends `intent`, runs every effect it returns and sends back their results, until none is left.
    public func send(_ intent: IntegrationViewModel.Intent, to model: inout IntegrationViewModel) async {
        var pending = [intent]
        while !pending.isEmpty {
            for effect in model.send(pending.removeFirst()) { pending.append(await run(effect)) }
        }
    }

    public func send(_ intent: ToAppViewModel.Intent, to model: inout ToAppViewModel) async {
        var pending = [intent]
        while !pending.isEmpty {
            for effect in model.send(pending.removeFirst()) { pending.append(await run(effect)) }
        }
    }

    public func send(_ intent: AttributeMappingsViewModel.Intent, to model: inout AttributeMappingsViewModel) async {
        var pending = [intent]
        while !pending.isEmpty {
            for effect in model.send(pending.removeFirst()) { pending.append(await run(effect)) }
        }
    }

    public func send(_ intent: ProvisioningTabViewModel.Intent, to model: inout ProvisioningTabViewModel) async {
        var pending = [intent]
        while !pending.isEmpty {
            for effect in model.send(pending.removeFirst()) { pending.append(await run(effect)) }
        }
    }

    public func run(_ effect: ProvisioningTabViewModel.Effect) async -> ProvisioningTabViewModel.Intent {
        switch effect {
        case .integration(let inner): return .integration(await run(inner))
        case .toApp(let inner): return .toApp(await run(inner))
        case .mappings(let inner): return .mappings(await run(inner))
        }
    }

    // MARK: Integration

    public func run(_ effect: IntegrationViewModel.Effect) async -> IntegrationViewModel.Intent {
        switch effect {
        case .load:
            do {
                return .loaded(try await integrationSnapshot())
            } catch {
                return .loadFailed("\(error)")
            }

        case .readTokenFile(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return .tokenFileFailed(path: path, reason: "the file cannot be read")
            }
            guard let token = BearerToken(String(decoding: data, as: UTF8.self)) else {
                return .tokenFileFailed(path: path, reason: "the file is empty or the token holds spaces or control characters")
            }
            return .tokenFileRead(path: path, SecretInput(token.revealedForStorage))

        case .testCredentials(let baseURL, let token, let revision):
            let check = await CredentialTester(store: store, app: app, transport: transport).test(baseURL: baseURL, token: token)
            return .credentialsTested(check, revision: revision)

        case .save(let change):
            do {
                try await settings.apply(AppSettingsChange(apiIntegrationEnabled: change.apiIntegrationEnabled, baseURL: change.baseURL,
                                                     apiToken: change.token))
                return .saved(try await integrationSnapshot())
            } catch {
                return .saveFailed("\(error)")
            }
        }
    }

    private func integrationSnapshot() async throws -> IntegrationSnapshot {
        let settings = try await store.records(ProvisioningSettings.self).read(key: appID)
        let hint: String?
        do {
            hint = try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText().map(TokenHint.of)
        } catch is SecretStoreError {
            // Sealed with a key that is not here: the tab still opens, and saving a token fixes it.
            hint = TokenHint.unreadable
        }
        return IntegrationSnapshot(appLabel: app.label, apiIntegrationEnabled: settings?.apiIntegrationEnabled ?? false,
                                   baseURL: settings?.baseURL ?? "", tokenHint: hint)
    }

    // MARK: To App

    public func run(_ effect: ToAppViewModel.Effect) async -> ToAppViewModel.Intent {
        switch effect {
        case .load:
            do {
                return .loaded(ToAppSnapshot(toggles: try await toggles(), entry: catalogEntry))
            } catch {
                return .loadFailed("\(error)")
            }
        case .save(let toggles):
            do {
                try await settings.apply(AppSettingsChange(toggles: toggles))
                return .saved(try await self.toggles())
            } catch {
                return .saveFailed("\(error)")
            }
        }
    }

    private func toggles() async throws -> ProvisioningToggles {
        let settings = try await store.records(ProvisioningSettings.self).read(key: appID)
        return ProvisioningToggles(createUsers: settings?.createUsers ?? false,
                                   updateUserAttributes: settings?.updateUserAttributes ?? false,
                                   deactivateUsers: settings?.deactivateUsers ?? false)
    }

    // MARK: Attribute Mappings

    public func run(_ effect: AttributeMappingsViewModel.Effect) async -> AttributeMappingsViewModel.Intent {
        switch effect {
        case .load:
            do {
                return .loaded(try mappingsSnapshot())
            } catch {
                return .loadFailed("\(error)")
            }

        case .loadSchemas:
            do {
                let engine = ProvisioningEngine(store: store, app: app)
                let client = try engine.client(transport: transport, retry: .never)
                let discovery = try await client.discover()
                return discovery.schemas.isEmpty
                    ? .schemasUnavailable(reason: "the app publishes no /Schemas")
                    : .schemasLoaded(discovery.schemas)
            } catch {
                return .schemasUnavailable(reason: "\(error)")
            }

        case .findPeople(let filter):
            let people = (try? store.directory.people(filter: filter, limit: 50)) ?? []
            return .peopleFound(filter: filter, people.map { PreviewPerson(login: $0.login, displayName: $0.displayName, profile: PersonProfile.of($0)) })

        case .saveMapping(let attribute, let expression, let applyOn):
            do {
                try AppMappings(store: store, app: app).set(attribute: attribute, expression: expression, applyOn: applyOn)
                return .mappingSaved(try mappingsSnapshot())
            } catch {
                return .mappingFailed("\(error)")
            }

        case .removeMapping(let attribute):
            do {
                try AppMappings(store: store, app: app).unset(attribute: attribute)
                return .mappingSaved(try mappingsSnapshot())
            } catch {
                return .mappingFailed("\(error)")
            }
        }
    }

    private func mappingsSnapshot() throws -> MappingsSnapshot {
        let mappings = AppMappings(store: store, app: app)
        return MappingsSnapshot(catalogName: mappings.appName, mappings: try mappings.list())
    }
}
