import ArgumentParser
import Foundation
import Store
import ViewModels

/// `scimdeck log --app A [--id N]`: the Log tab — the SCIM requests sent to an app, newest first, or one in full.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "The SCIM requests sent to an app, newest first; --id shows one with its bodies."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Option(help: "How many requests to list.") var limit = 50
    @Option(help: "Show this request (its ID in the list) with its request and response bodies.") var id: Int64?
    @Flag(help: "Print JSON.") var json = false

    struct Row: Encodable {
        var id: Int64?
        var sentAt: Date
        var method: String
        var path: String
        var status: Int?
        var latencyMilliseconds: Int
        var result: String
        var requestBody: String?
        var responseBody: String?
    }

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let appID = try app.resolve(in: store).id
        if let id {
            guard let entry = try store.records(RequestLogEntry.self).fetch(key: id), entry.appId == appID else {
                throw ValidationError("no request \(id) in the log of \(app.name) (see `scimdeck log --app \(app.name)`)")
            }
            if json { return try JSONOutput.print(Self.row(entry, withBodies: true)) }
            print(RequestLogDetail.title(entry))
            RequestLogDetail.lines(entry).forEach { print($0) }
            return
        }
        let entries = try store.provisioning.requestLog(appId: appID, limit: limit)
        if json { return try JSONOutput.print(entries.map { Self.row($0, withBodies: false) }) }
        if entries.isEmpty { return print("no SCIM request sent yet") }
        TextTable.print(["ID", "TIME", "METHOD", "PATH", "STATUS", "LATENCY", "RESULT"], entries.map { entry in
            [entry.id.map(String.init) ?? "", AppDetail.timestamp(entry.sentAt), entry.method, entry.path,
             entry.statusCode.map(String.init) ?? "—", "\(entry.latencyMilliseconds) ms", entry.result]
        })
    }

    static func row(_ entry: RequestLogEntry, withBodies: Bool) -> Row {
        Row(id: entry.id, sentAt: entry.sentAt, method: entry.method, path: entry.path, status: entry.statusCode,
            latencyMilliseconds: entry.latencyMilliseconds, result: entry.result,
            requestBody: withBodies ? entry.requestBody : nil, responseBody: withBodies ? entry.responseBody : nil)
    }
}
