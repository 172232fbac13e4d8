import Provisioning

/// Preview SAML: the person picker, the signing key (made on first use, or regenerated after a confirmation),
/// the signed Response and metadata, and writing them to files.
extension SignOnTab {
    mutating func searchPeople(_ query: String) -> [SignOnEffect] {
        personQuery = query
        return [.findPeople(query.trimmingCharacters(in: .whitespaces))]
    }

    mutating func peopleFound(_ people: [PersonChoice], for query: String) -> [SignOnEffect] {
        // Answers to earlier keystrokes may arrive late: keep only the one for what the field now holds.
        guard query == personQuery.trimmingCharacters(in: .whitespaces) else { return [] }
        personChoices = people
        personChoicesQuery = query
        return []
    }

    mutating func peopleSearchFailed(_ reason: String) -> [SignOnEffect] {
        personChoices = []
        status = .error("Could not search the directory: \(reason)")
        return []
    }

    mutating func startPreview(login: String) -> [SignOnEffect] {
        guard mode != .loading else { return [] }
        guard !login.isEmpty else {
            status = .error("Choose a person to preview the SAML Response for.")
            return []
        }
        let configuration = shown
        let missing = configuration.problems
        guard missing.isEmpty else {
            if mode == .editing { problems = missing }
            status = .error("Preview SAML needs a valid \(Self.list(missing.keys))\(mode == .reading ? ": press Edit" : "").")
            return []
        }
        let needsKey = certificate == nil
        preview = SignOnPreviewState(personLogin: login, configuration: configuration, phase: needsKey ? .preparingKey : .building)
        status = .info(needsKey ? "Making the signing key…" : "Signing a Response for \(login)…")
        return needsKey ? [.prepareSigningKey(appID: appID)] : [.buildPreview(appID: appID, login: login, configuration)]
    }

    mutating func signingKeyReady(_ certificate: SigningCertificateInfo) -> [SignOnEffect] {
        self.certificate = certificate
        guard var preview, preview.phase == .preparingKey else { return [] }
        preview.phase = .building
        self.preview = preview
        return [.buildPreview(appID: appID, login: preview.personLogin, preview.configuration)]
    }

    mutating func signingKeyFailed(_ reason: String) -> [SignOnEffect] {
        if preview?.phase == .preparingKey { preview?.phase = .failed(reason) }
        status = .error("No signing key: \(reason)")
        return []
    }

    mutating func askToRotate() -> [SignOnEffect] {
        confirmingRotation = true
        status = .info("A new certificate breaks sign-on to every app that trusts the old one until it gets the new metadata. Generate it?")
        return []
    }

    mutating func cancelRotation() -> [SignOnEffect] {
        confirmingRotation = false
        status = nil
        return []
    }

    mutating func confirmRotation() -> [SignOnEffect] {
        guard confirmingRotation else { return [] }
        confirmingRotation = false
        status = .info("Generating a new signing key…")
        return [.rotateSigningKey(appID: appID)]
    }

    mutating func signingKeyRotated(_ certificate: SigningCertificateInfo) -> [SignOnEffect] {
        self.certificate = certificate
        // A Response signed with the old key no longer matches the metadata the app will be given.
        preview = nil
        status = .info("New signing certificate \(certificate.fingerprintSHA256): give the app the new IdP metadata.")
        return []
    }

    mutating func previewBuilt(_ document: SignOnPreview) -> [SignOnEffect] {
        guard preview?.personLogin.lowercased() == document.personLogin.lowercased() else { return [] }
        preview?.phase = .ready(document)
        certificate = document.certificate
        status = .info("Preview SAML for \(document.personLogin): Name ID \(document.nameID)")
        return []
    }

    mutating func previewFailed(_ reason: String) -> [SignOnEffect] {
        guard preview != nil else { return [] }
        preview?.phase = .failed(reason)
        status = .error(reason)
        return []
    }

    mutating func writePreview(into directory: String) -> [SignOnEffect] {
        guard var preview, let document = preview.document else {
            status = .error("There is no preview to write yet.")
            return []
        }
        guard !directory.isEmpty else {
            status = .error("Enter the directory to write the preview files into.")
            return []
        }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let files = document.files.map { (path: "\(base)/\($0.name)", contents: $0.contents) }
        preview.pendingFiles = files.map(\.path)
        preview.writtenFiles = []
        self.preview = preview
        status = .info("Writing the preview files…")
        return files.map { .writeFile(path: $0.path, contents: $0.contents) }
    }

    mutating func fileWritten(_ path: String) -> [SignOnEffect] {
        guard var preview, let index = preview.pendingFiles.firstIndex(of: path) else { return [] }
        preview.pendingFiles.remove(at: index)
        preview.writtenFiles.append(path)
        self.preview = preview
        if preview.pendingFiles.isEmpty {
            status = .info("Wrote \(preview.writtenFiles.joined(separator: ", ")) (readable by you only)")
        }
        return []
    }

    mutating func fileWriteFailed(_ path: String, reason: String) -> [SignOnEffect] {
        preview?.pendingFiles.removeAll { $0 == path }
        status = .error("Could not write \(path): \(reason)")
        return []
    }

    mutating func closePreview() -> [SignOnEffect] {
        preview = nil
        return []
    }
}
