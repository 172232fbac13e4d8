import Foundation
import SAML
import Store

/// An app's settings as every tab's Save and `scimdeck app set` change them: one change is checked
/// whole (every field it sets, and what the settings become) before anything is written, then written
/// in one transaction. Refused, it leaves the store as it was.
public struct AppSettings: Sendable {
    public let store: ScimdeckStore
    public let appID: Int64

    public init(store: ScimdeckStore, appID: Int64) {
        self.store = store
        self.appID = appID
    }

    /// Checks `change`, then writes it; returns the parts that differ from what was stored (empty: nothing to write).
    @discardableResult
    public func apply(_ change: AppSettingsChange, now: Date = Date()) throws -> [AppSettingsChange.Part] {
        let (write, parts) = try validated(change, now: now)
        if !write.isEmpty { try store.saveAppSettings(write, appId: appID) }
        return parts
    }

    /// The same from async code (a tab's effect runner): the write is awaited, not waited for on a cooperative thread.
    @discardableResult
    public func apply(_ change: AppSettingsChange, now: Date = Date()) async throws -> [AppSettingsChange.Part] {
        let (write, parts) = try validated(change, now: now)
        if !write.isEmpty { try await store.saveAppSettings(write, appId: appID) }
        return parts
    }

    /// What `change` would write, or every problem with it; writes nothing.
    public func validated(_ change: AppSettingsChange, now: Date = Date()) throws -> (AppSettingsWrite, [AppSettingsChange.Part]) {
        guard let app = try store.records(AppIntegration.self).fetch(key: appID) else { throw AppSettingsError.noSuchApp(appID) }
        var problems: [SettingProblem] = []
        var write = AppSettingsWrite()
        var parts: [AppSettingsChange.Part] = []

        var general = app
        if let label = change.label {
            let trimmed = label.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                problems.append(SettingProblem(.label, "The application label cannot be empty"))
            } else if try store.apps.all().contains(where: { $0.id != appID && $0.label.caseInsensitiveCompare(trimmed) == .orderedSame }) {
                problems.append(SettingProblem(.label, "An app is already labelled \"\(trimmed)\": choose another label"))
            }
            general.label = trimmed
        }
        if let stack = change.stack { general.stack = stack }
        if general != app {
            write.app = general
            parts.append(.general)
        }

        let storedSignOn = try store.records(Store.SignOnSettings.self).fetch(key: appID) ?? Store.SignOnSettings(appId: appID)
        var signOn = storedSignOn
        Self.signOn(change, into: &signOn, problems: &problems)
        if signOn != storedSignOn {
            signOn.updatedAt = now
            write.signOn = signOn
            parts.append(.signOn)
        }

        let storedSettings = try store.records(ProvisioningSettings.self).fetch(key: appID) ?? ProvisioningSettings(appId: appID)
        var settings = storedSettings
        Self.provisioning(change, into: &settings, problems: &problems)
        if settings != storedSettings {
            settings.updatedAt = now
            write.provisioning = settings
            parts.append(.provisioning)
        }
        if let token = change.apiToken {
            write.apiToken = SecretValue(token.revealedForStorage)
            parts.append(.apiToken)
        }

        guard problems.isEmpty else { throw AppSettingsError.invalid(problems) }
        return (write, parts)
    }

    /// The Sign On fields, each held to the form's rule.
    static func signOn(_ change: AppSettingsChange, into signOn: inout Store.SignOnSettings, problems: inout [SettingProblem]) {
        func check(_ text: String?, _ field: SignOnField, _ rule: (String) -> String?, apply: (String) -> Void) {
            guard let text else { return }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let problem = rule(trimmed) { problems.append(SettingProblem(SettingField(field), "\(field.label) \(problem)")) }
            apply(trimmed)
        }
        check(change.defaultRelayState, .defaultRelayState, SignOnFieldRules.relayStateProblem) { signOn.defaultRelayState = $0 }
        check(change.acsURL, .acsURL, { SignOnFieldRules.urlProblem($0) }) { signOn.acsURL = $0 }
        check(change.audienceURI, .audienceURI, SignOnFieldRules.audienceProblem) { signOn.audienceURI = $0 }
        if let text = change.nameIDFormat {
            if let choice = NameIDFormatChoice.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() || $0.urn == text }) {
                signOn.nameIDFormat = choice.urn
            } else {
                problems.append(SettingProblem(.nameIDFormat,
                    "Name ID format must be one of \(NameIDFormatChoice.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let text = change.applicationUsername {
            let choice = ApplicationUsername(expression: text)
            if let problem = choice.problem { problems.append(SettingProblem(.applicationUsername, "Application username \(problem)")) }
            signOn.applicationUsername = choice.expression
        }
        if let statements = change.attributeStatements {
            for statement in statements {
                if statement.name.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append(SettingProblem(.attributeStatements,
                        "An attribute statement needs a name: write it as NAME=EXPRESSION, e.g. email=user.email"))
                    continue
                }
                do {
                    _ = try Expression.parse(statement.expression)
                } catch {
                    problems.append(SettingProblem(.attributeStatements, "Attribute statement \(statement.name): the expression does not parse: \(error)"))
                }
            }
            signOn.attributeStatements = SignOnConfiguration.json(statements)
        }
    }

    /// Integration and To App. With API integration on, the base URL the settings end with must be
    /// usable, whether it is in this change or was stored before.
    static func provisioning(_ change: AppSettingsChange, into settings: inout ProvisioningSettings, problems: inout [SettingProblem]) {
        if let enabled = change.apiIntegrationEnabled { settings.apiIntegrationEnabled = enabled }
        if let baseURL = change.baseURL { settings.baseURL = baseURL.trimmingCharacters(in: .whitespaces) }
        // As the Integration tab checks it: an empty URL is fine only while integration is off.
        if change.baseURL != nil || change.apiIntegrationEnabled != nil, settings.apiIntegrationEnabled || !settings.baseURL.isEmpty,
           let problem = BaseURLRule.problem(settings.baseURL) {
            problems.append(SettingProblem(.baseURL, problem))
        }
        if let on = change.createUsers { settings.createUsers = on }
        if let on = change.updateUserAttributes { settings.updateUserAttributes = on }
        if let on = change.deactivateUsers { settings.deactivateUsers = on }
        if let profile = change.requestProfile { settings.requestProfile = profile }
        if let text = change.userAgent {
            switch RequestSettingRules.userAgent(text) {
            case .value(let userAgent): settings.userAgent = userAgent
            case .problem(let problem): problems.append(SettingProblem(.userAgent, problem))
            }
        }
        if let text = change.concurrency {
            switch RequestSettingRules.concurrency(text) {
            case .value(let concurrency): settings.concurrency = concurrency
            case .problem(let problem): problems.append(SettingProblem(.concurrency, problem))
            }
        }
    }
}
