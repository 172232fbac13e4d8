import ArgumentParser
import Foundation

/// A length of time on the command line: `90` or `90s`, `5m`, `1h`, or combined as `1m30s`.
struct WaitDuration: ExpressibleByArgument, Sendable, Equatable {
    var seconds: Double

    init(seconds: Double) {
        self.seconds = seconds
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if let plain = Double(text), plain >= 0, plain.isFinite {
            seconds = plain
            return
        }
        var total = 0.0
        var number = ""
        for character in text {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            let unit: Double
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            default: return nil
            }
            guard let value = Double(number), value >= 0 else { return nil }
            total += value * unit
            number = ""
        }
        guard number.isEmpty, !text.isEmpty else { return nil }
        seconds = total
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
