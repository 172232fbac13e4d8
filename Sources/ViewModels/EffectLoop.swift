/// Drives an Elm-shaped view model to rest without a screen: send an intent, run each effect it
/// returns, send back each answer, until nothing is left. Tests and scripts drive whole flows with it.
enum EffectLoop {
    /// Returns the effects `perform` left to the caller (it answered nil: a sync, leaving the tab).
    static func run<Intent, Effect>(_ intent: Intent, send: (Intent) -> [Effect], perform: (Effect) -> Intent?) -> [Effect] {
        var queue = send(intent)
        var leftOver: [Effect] = []
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            guard let answer = perform(effect) else {
                leftOver.append(effect)
                continue
            }
            queue += send(answer)
        }
        return leftOver
    }
}
