import Foundation

/// xs:dateTime in UTC with whole seconds, as SAML instants are usually written ("2025-01-31T09:30:00Z").
enum SAMLInstant {
    static func string(_ date: Date) -> String {
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        return whole.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt))
    }
}
