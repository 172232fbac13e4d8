#if canImport(Glibc)
@testable import Terminal
import Glibc
import XCTest

/// ncurses places characters by the C library's wcwidth, so a cell buffer that counts columns any
/// other way draws rows that drift. Every code point is compared, under C.UTF-8.
final class DisplayWidthGlibcTests: XCTestCase {
    func test_everyCodePointIsAsWideAsGlibcsWcwidthSays() throws {
        let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) }
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale on this machine") }
        defer { _ = setlocale(LC_CTYPE, previous ?? "C") }
        // Glibc's Swift module leaves wcwidth out (it sits behind _XOPEN_SOURCE in wchar.h): looked up by name.
        typealias Wcwidth = @convention(c) (wchar_t) -> Int32
        let wcwidth = unsafeBitCast(try XCTUnwrap(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth")), to: Wcwidth.self)
        var differences: [String] = []
        var unprintable = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let glibc = Int(wcwidth(wchar_t(value)))
            // wcwidth's -1 (not printable: controls, unassigned code points) takes no column in a cell.
            let actual = DisplayWidth.of(scalar)
            if actual != max(0, glibc) {
                if glibc < 0 { unprintable += 1 }
                differences.append(String(format: "U+%04X: %d, wcwidth %d", value, actual, glibc))
            }
        }
        XCTAssertEqual(differences.count, 0, "\(differences.count) code points differ from wcwidth (\(differences.count - unprintable) printable, "
                       + "\(unprintable) that wcwidth calls not printable):\n" + differences.prefix(100).joined(separator: "\n"))
    }
}
#endif
