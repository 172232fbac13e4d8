import ArgumentParser
import Provisioning
import Foundation
import SAML

/// Reading and writing the files the `saml` commands take and make.
enum SAMLFiles {
    static func read(_ path: String, what: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("Cannot read the \(what) file \(path): \(error.localizedDescription)")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from path: String, what: String) throws -> Value {
        let text = try read(path, what: what)
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw ValidationError("The \(what) file \(path) is not valid: \(error)")
        }
    }

    static func credential(keyPath: String, certificatePath: String) throws -> SigningCredential {
        warnIfReadableByOthers(keyPath)
        return try SigningCredential(
            privateKeyPEM: read(keyPath, what: "signing key"),
            certificatePEM: read(certificatePath, what: "certificate")
        )
    }

    /// A signing key that others can read is no longer a secret: say so (as ssh does), without refusing,
    /// so a preview still works while the admin fixes the mode.
    static func warnIfReadableByOthers(_ keyPath: String) {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: keyPath))?[.posixPermissions] as? NSNumber,
              mode.intValue & 0o077 != 0
        else { return }
        let octal = String(mode.intValue & 0o777, radix: 8)
        StandardStreams.err("warning: the signing key \(keyPath) is readable by others (mode \(octal)): run chmod 600 on it, or rotate the key.\n")
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil or "-".
    /// `secret` files are readable by the owner alone from the moment they exist (see `OwnerOnlyFile`).
    static func write(_ text: String, to path: String?, secret: Bool = false) throws {
        guard let path, path != "-" else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        if secret {
            try OwnerOnlyFile.write(text, to: path)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ValidationError("Cannot write \(path): \(error.localizedDescription)")
        }
    }
}
