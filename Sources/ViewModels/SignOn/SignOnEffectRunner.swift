import Foundation
import Provisioning

/// Carries out the Sign On tab's effects against the store (through `SignOnService`) and answers each with the
/// intent to send back. The Console runs `perform` off the UI loop; tests use `send(_:to:)` to drive a whole flow.
public struct SignOnEffectRunner: Sendable {
    public let service: SignOnService
    public var now: @Sendable () -> Date

    public init(service: SignOnService, now: @escaping @Sendable () -> Date = { Date() }) {
        self.service = service
        self.now = now
    }

    /// Runs one effect; nil for `.close`, which is the Console's to act on.
    public func perform(_ effect: SignOnEffect) -> SignOnIntent? {
        switch effect {
        case let .load(appID):
            do {
                return .loaded(try service.configuration(appID: appID), certificate: try service.signingKey(appID: appID).certificate())
            } catch {
                return .loadFailed(String(describing: error))
            }
        case let .save(appID, configuration):
            do {
                try service.save(configuration, appID: appID, now: now())
                return .saved(try service.configuration(appID: appID))
            } catch {
                return .saveFailed(String(describing: error))
            }
        case let .prepareSigningKey(appID):
            do {
                let key = try service.signingKey(appID: appID)
                _ = try key.credentialGeneratingIfMissing(now: now())
                guard let certificate = try key.certificate() else { return .signingKeyFailed("the key was not stored") }
                return .signingKeyReady(certificate)
            } catch {
                return .signingKeyFailed(String(describing: error))
            }
        case let .rotateSigningKey(appID):
            do {
                let key = try service.signingKey(appID: appID)
                try key.rotate(now: now())
                guard let certificate = try key.certificate() else { return .signingKeyFailed("the key was not stored") }
                return .signingKeyRotated(certificate)
            } catch {
                return .signingKeyFailed(String(describing: error))
            }
        case let .findPeople(query):
            do {
                return .peopleFound(query: query, try service.people(matching: query.isEmpty ? nil : query))
            } catch {
                return .peopleSearchFailed(String(describing: error))
            }
        case let .buildPreview(appID, login, configuration):
            do {
                return .previewBuilt(try service.preview(appID: appID, login: login, configuration: configuration, now: now()))
            } catch {
                return .previewFailed(String(describing: error))
            }
        case let .writeFile(path, contents):
            do {
                // A directory typed for the preview may not exist yet: make it, private like the files.
                let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
                if !FileManager.default.fileExists(atPath: directory) {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                }
                try OwnerOnlyFile.write(contents, to: path)
                return .fileWritten(path: path)
            } catch {
                return .fileWriteFailed(path: path, reason: String(describing: error))
            }
        case .close:
            return nil
        }
    }

    /// Sends `intent`, then runs every effect and sends its answer, until nothing is left to run.
    /// Returns the effects left to the caller (`.close`).
    @discardableResult
    public func send(_ intent: SignOnIntent, to tab: inout SignOnTab) -> [SignOnEffect] {
        EffectLoop.run(intent, send: { tab.send($0) }, perform: perform)
    }
}
