import Foundation
import LDAP
import Store
import TestSupport
import XCTest

/// TLS to a real slapd with a certificate from a private CA: ldaps:// and StartTLS verified with
/// the CA file, and refused, saying it is TLS, with another CA or none.
final class SlapdTLSTests: XCTestCase {
    // One slapd for the class: XCTest runs its tests one after another.
    nonisolated(unsafe) private static var slapd: SlapdFixture?

    override class func tearDown() {
        slapd?.stop()
        slapd = nil
    }

    private func server() throws -> SlapdFixture {
        if let running = Self.slapd { return running }
        let started = try SlapdFixture.start(seed: SlapdDirectory.person("ann"), tls: true)
        Self.slapd = started
        return started
    }

    private func check(url: String, startTLS: Bool, caFile: String?) throws -> DirectorySourceImporter.Check {
        let slapd = try server()
        let store = try ScimdeckStore()
        try store.directorySources.save(
            DirectorySource(name: "tls", url: url, bindDN: SlapdFixture.rootDN, baseDN: SlapdFixture.suffix, caFile: caFile, startTLS: startTLS),
            password: SecretValue(slapd.rootPassword))
        return try DirectorySourceImporter(store: store, connector: LDAPConnector()).test(sourceNamed: "tls")
    }

    private func tlsError(url: String, startTLS: Bool, caFile: String?) throws -> String? {
        do {
            _ = try check(url: url, startTLS: startTLS, caFile: caFile)
            return nil
        } catch let error as DirectorySourceError {
            guard case .tls = error else { return "not a TLS error: \(error)" }
            return error.description
        }
    }

    func test_ldapsWithTheCAFileBinds() throws {
        let slapd = try server()
        XCTAssertEqual(try check(url: try XCTUnwrap(slapd.ldapsURL), startTLS: false, caFile: slapd.caFile).people.entries, 1)
    }

    func test_startTLSWithTheCAFileBinds() throws {
        let slapd = try server()
        XCTAssertEqual(try check(url: slapd.url, startTLS: true, caFile: slapd.caFile).people.entries, 1)
    }

    func test_anotherCAIsATLSFailureForLdapsAndStartTLS() throws {
        let slapd = try server()
        let other = try TestCertificateAuthority(in: try TestEnvironment.makeTemporaryDirectory("other-ca"))
        let ldaps = try XCTUnwrap(try tlsError(url: try XCTUnwrap(slapd.ldapsURL), startTLS: false, caFile: other.caFile), "refused")
        XCTAssertTrue(ldaps.hasPrefix("TLS with ldaps://127.0.0.1:"), ldaps)
        XCTAssertTrue(ldaps.contains("--ca-file"), ldaps)
        let startTLS = try XCTUnwrap(try tlsError(url: slapd.url, startTLS: true, caFile: other.caFile), "refused")
        XCTAssertTrue(startTLS.hasPrefix("TLS with ldap://127.0.0.1:"), startTLS)
    }

    func test_noCAFileTrustsNotAPrivateCA() throws {
        let slapd = try server()
        let error = try XCTUnwrap(try tlsError(url: try XCTUnwrap(slapd.ldapsURL), startTLS: false, caFile: nil), "refused")
        XCTAssertTrue(error.hasPrefix("TLS with"), error)
    }
}
