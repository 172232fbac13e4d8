import Foundation

/// Dates as the console shows them, in UTC so that what one admin reads matches the app's logs.
enum DateText {
    static func day(_ date: Date) -> String { format(date, "yyyy-MM-dd") }

    static func time(_ date: Date) -> String { format(date, "yyyy-MM-dd HH:mm:ss 'UTC'") }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
