@testable import Terminal
import XCTest

final class DisplayWidthTests: XCTestCase {
    func test_asciiIsOneColumnEach() {
        XCTAssertEqual(DisplayWidth.of("Axiad Cloud"), 11)
    }

    func test_cjkAndEmojiTakeTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("李小龙"), 6)
        XCTAssertEqual(DisplayWidth.of("🎉"), 2)
        XCTAssertEqual(DisplayWidth.of("ｶﾀｶﾅ"), 4, "halfwidth katakana is narrow")
        XCTAssertEqual(DisplayWidth.of("Ａ"), 2, "fullwidth Latin is wide")
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
    }

    func test_combiningMarksTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("Zoe\u{308} Ødegaard"), 12)
        XCTAssertEqual(DisplayWidth.of("\u{301}"), 0, "a lone mark has nothing to space over")
    }

    func test_emojiSequencesAreOneWideCell() {
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2, "a ZWJ family")
        XCTAssertEqual(DisplayWidth.of("🇫🇷"), 2, "a flag")
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "a skin tone")
        XCTAssertEqual(DisplayWidth.of("❤️"), 2, "text heart with emoji presentation")
        XCTAssertEqual(DisplayWidth.of("❤"), 1, "text heart on its own")
    }

    func test_controlAndFormatCharactersTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of("a\u{7}b"), 2)
        XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2, "zero-width space")
        XCTAssertEqual(DisplayWidth.of("\u{FEFF}"), 0)
    }

    func test_theGeneratedRunsAreSortedAndApartSoTheBinarySearchHolds() {
        let table = DisplayWidth.table
        XCTAssertEqual(table.count % 3, 0)
        for index in stride(from: 0, to: table.count, by: 3) {
            XCTAssertLessThanOrEqual(table[index], table[index + 1], "run \(index / 3)")
            XCTAssertTrue([0, 2].contains(table[index + 2]), "run \(index / 3)")
            if index > 0 { XCTAssertLessThan(table[index - 2], table[index], "run \(index / 3)") }
        }
    }

    func test_truncationAddsAnEllipsisAndNeverSplitsACharacter() {
        XCTAssertEqual(TextLayout.truncate("Axiad Cloud", toWidth: 20), "Axiad Cloud")
        XCTAssertEqual(TextLayout.truncate("Axiad Cloud", toWidth: 6), "Axiad…")
        XCTAssertEqual(TextLayout.truncate("李小龙", toWidth: 4), "李…", "小 would straddle the limit")
        XCTAssertEqual(TextLayout.truncate("李小龙", toWidth: 5), "李小…")
        XCTAssertEqual(TextLayout.truncate("Zoe\u{308}", toWidth: 3), "Zoe\u{308}")
        XCTAssertEqual(TextLayout.truncate("Zoe\u{308}x", toWidth: 3), "Zo…")
        XCTAssertEqual(TextLayout.truncate("abc", toWidth: 0), "")
    }

    func test_fitPadsToExactlyTheWidth() {
        XCTAssertEqual(TextLayout.fit("李", width: 4), "李  ")
        XCTAssertEqual(TextLayout.fit("42", width: 5, alignment: .right), "   42")
        XCTAssertEqual(TextLayout.fit("ab", width: 6, alignment: .center), "  ab  ")
        XCTAssertEqual(DisplayWidth.of(TextLayout.fit("李小龙abc", width: 5)), 5)
    }

    func test_wrapBreaksAtSpaces() {
        XCTAssertEqual(TextLayout.wrap("Delete the group in the target app", width: 12),
                       ["Delete the", "group in the", "target app"])
    }

    func test_numbersAreGroupedByThousands() {
        XCTAssertEqual(NumberText.grouped(1204), "1,204")
        XCTAssertEqual(NumberText.grouped(100_000), "100,000")
        XCTAssertEqual(NumberText.grouped(-1234567), "-1,234,567")
        XCTAssertEqual(NumberText.grouped(12), "12")
    }
}
