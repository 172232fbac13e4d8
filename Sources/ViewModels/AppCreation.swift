import Foundation
import Provisioning
import Store

/// Adds an app from a catalog entry with its settings and default mappings in one
/// transaction — what the catalog's Add → label → Done does (and `scimdeck app add`).
public enum AppCreation {
    public enum Failure: Error, CustomStringConvertible {
        case emptyLabel
        case labelTaken(String)

        public var description: String {
            switch self {
            case .emptyLabel: return "The application label cannot be empty."
            case .labelTaken(let label): return "An app is already labelled “\(label)”: choose another label."
            }
        }
    }

    @discardableResult
    public static func add(entry: CatalogEntry, label: String, stack: AppIntegration.Stack = .production,
                           provisioning: ProvisioningSettings? = nil, in store: ScimdeckStore) throws -> Saved<AppIntegration> {
        let label = label.trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty else { throw Failure.emptyLabel }
        if try store.apps.all().contains(where: { $0.label.caseInsensitiveCompare(label) == .orderedSame }) {
            throw Failure.labelTaken(label)
        }
        let app = AppIntegration(catalogEntry: entry.id, label: label, stack: stack)
        let mappings = entry.defaultMappings.map {
            Store.AttributeMapping(appId: 0, scimAttribute: $0.attribute, expression: $0.expression,
                                   applyOn: $0.applyOn == .createOnly ? .createOnly : .createAndUpdate)
        }
        var settings = provisioning ?? ProvisioningSettings(appId: 0)
        settings.appId = 0
        return try store.apps.add(app, signOn: SignOnSettings(appId: 0), provisioning: settings, mappings: mappings)
    }
}
