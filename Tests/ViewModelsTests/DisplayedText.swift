import Foundation
import ViewModels

/// Everything a screen could draw or a log could print of a view model: its display strings, its
/// description, debug description and `dump`. A secret must be in none of them.
enum DisplayedText {
    static func of(_ model: IntegrationViewModel, effects: [IntegrationViewModel.Effect] = []) -> String {
        var dumped = ""
        dump(model, to: &dumped)
        dump(effects, to: &dumped)
        let shown: [String?] = [
            model.tokenDisplay, model.credentialStatusText, model.notice, model.confirmationText, model.baseURLProblem,
            model.tokenProblem, model.saveProblem, model.tokenInput.masked, model.saved.tokenHint,
        ]
        return (shown.compactMap { $0 } + [String(describing: model), String(reflecting: model), String(describing: effects), dumped])
            .joined(separator: "\n")
    }
}
