import Foundation
import LDAP
import Store
import TestSupport
import XCTest

/// libldap's failures come back as errors that say which thing is wrong.
final class LDAPBindErrorTests: XCTestCase {
    private var slapd: SlapdFixture!

    override func setUpWithError() throws {
        slapd = try SlapdFixture.start(seed: (1...120).map { SlapdDirectory.person("p\($0)") }.joined())
    }

    override func tearDown() {
        slapd?.stop()
    }

    private func connect(_ url: String? = nil, dn: String = SlapdFixture.rootDN, password: String? = nil, startTLS: Bool = false) throws -> any DirectorySourceConnection {
        let endpoint = DirectorySourceEndpoint(url: url ?? slapd.url, bindDN: dn, startTLS: startTLS, networkTimeout: 3, operationTimeout: 10)
        return try LDAPConnector().connect(endpoint, password: SecretValue(password ?? slapd.rootPassword))
    }

    private func error(_ body: () throws -> Void) -> DirectorySourceError? {
        do {
            try body()
            return nil
        } catch {
            return error as? DirectorySourceError
        }
    }

    func test_wrongPasswordIsInvalidCredentials() {
        let failure = error { _ = try connect(password: "not-the-password") }
        XCTAssertEqual(failure, .invalidCredentials(bindDN: SlapdFixture.rootDN), slapd.logText)
        XCTAssertTrue(failure?.description.contains("wrong password") ?? false)
        XCTAssertFalse(failure?.description.contains("not-the-password") ?? true, "the message never holds the password")
    }

    func test_closedPortIsUnreachable() throws {
        let closed = "ldap://127.0.0.1:\(try TestEnvironment.freeLoopbackPort())"
        guard case .unreachable(let url, _)? = error({ _ = try connect(closed) }) else { return XCTFail("expected unreachable") }
        XCTAssertEqual(url, closed)
    }

    func test_unknownHostIsUnreachable() {
        guard case .unreachable? = error({ _ = try connect("ldap://no-such-host.invalid:389") }) else { return XCTFail("expected unreachable") }
    }

    func test_missingBaseDNIsNoSuchBase() throws {
        let connection = try connect()
        let query = DirectoryQuery(baseDN: "ou=nowhere,dc=example,dc=com", filter: "(objectClass=*)", attributes: ["1.1"], pageSize: 100)
        XCTAssertEqual(error { _ = try connection.search(query) { _ in } }, .noSuchBase(baseDN: "ou=nowhere,dc=example,dc=com"))
    }

    func test_ldapsToAPlainPortIsATLSFailure() {
        let url = "ldaps://127.0.0.1:\(slapd.port)"
        guard case .tls(let failedURL, _)? = error({ _ = try connect(url) }) else { return XCTFail("expected a TLS failure") }
        XCTAssertEqual(failedURL, url)
    }

    func test_startTLSOnAServerWithoutTLSIsATLSFailure() {
        guard case .tls? = error({ _ = try connect(startTLS: true) }) else { return XCTFail("expected a TLS failure") }
    }

    func test_searchPastTheSizeLimitWithoutPagingSaysSizeLimit() throws {
        let connection = try connect(dn: SlapdFixture.readerDN, password: slapd.readerPassword)
        let query = DirectoryQuery(baseDN: SlapdFixture.peopleDN, filter: "(objectClass=inetOrgPerson)", attributes: ["uid"], pageSize: 0)
        var read = 0
        let failure = error { _ = try connection.search(query) { _ in read += 1 } }
        XCTAssertEqual(failure, .sizeLimit(baseDN: SlapdFixture.peopleDN, entriesRead: SlapdFixture.readerSizeLimit), slapd.logText)
        XCTAssertEqual(read, SlapdFixture.readerSizeLimit)
    }

    func test_valuesArriveAsBytesAndEntryUUIDAsText() throws {
        let connection = try connect()
        let query = DirectoryQuery(baseDN: SlapdFixture.peopleDN, filter: "(uid=p7)", attributes: ["uid", "entryUUID", "modifyTimestamp"], pageSize: 10)
        var entries: [DirectoryEntry] = []
        _ = try connection.search(query) { entries.append($0) }
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?.raw("uid"), [Data("p7".utf8)])
        XCTAssertEqual(entries.first?.text("entryUUID")?.count, 36)
        XCTAssertEqual(entries.first?.dn, SlapdDirectory.personDN("p7"))
    }
}
