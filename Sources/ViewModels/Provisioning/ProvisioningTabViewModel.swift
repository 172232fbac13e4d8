/// The Provisioning tab: its left sub-menu (**To App**, **Integration**) over the three view models,
/// which it owns so that what one saves can refresh another (a new base URL means new /Schemas).
public struct ProvisioningTabViewModel: Sendable, Equatable {
    public enum Section: Sendable, Equatable, CaseIterable {
        case toApp
        case integration

        /// The sub-menu labels, as the guide's screens name them.
        public var label: String { self == .toApp ? "To App" : "Integration" }
    }

    public enum Intent: Sendable, Equatable {
        case appear
        case selectSection(Section)
        case integration(IntegrationViewModel.Intent)
        case toApp(ToAppViewModel.Intent)
        case mappings(AttributeMappingsViewModel.Intent)
    }

    public enum Effect: Sendable, Equatable {
        case integration(IntegrationViewModel.Effect)
        case toApp(ToAppViewModel.Effect)
        case mappings(AttributeMappingsViewModel.Effect)
    }

    public private(set) var section: Section = .toApp
    public private(set) var integration: IntegrationViewModel
    public private(set) var toApp = ToAppViewModel()
    public private(set) var mappings = AttributeMappingsViewModel()

    public init(appLabel: String) {
        integration = IntegrationViewModel(appLabel: appLabel)
    }

    /// Whether leaving the tab now would lose edits in any part of it.
    public var hasUnsavedChanges: Bool {
        integration.hasUnsavedChanges || toApp.hasUnsavedChanges || mappings.hasUnsavedChanges
    }

    public mutating func send(_ intent: Intent) -> [Effect] {
        switch intent {
        case .appear:
            return integration.send(.appear).map(Effect.integration) + toApp.send(.appear).map(Effect.toApp)
                + mappings.send(.appear).map(Effect.mappings)
        case .selectSection(let section):
            // Each part keeps its own edits, so moving between To App and Integration loses nothing.
            self.section = section
            return []
        case .integration(let inner):
            var effects = integration.send(inner).map(Effect.integration)
            if case .saved = inner {
                effects += mappings.send(.connectionChanged).map(Effect.mappings)
            }
            return effects
        case .toApp(let inner):
            return toApp.send(inner).map(Effect.toApp)
        case .mappings(let inner):
            return mappings.send(inner).map(Effect.mappings)
        }
    }
}
