import Foundation

/// Orders strings by their UTF-8 bytes, as SQLite's BINARY collation orders TEXT, so a sorted
/// batch can be walked side by side with an `ORDER BY` cursor over an index of the same column.
enum UTF8Order {
    static func precedes(_ left: String, _ right: String) -> Bool {
        let inPlace = left.utf8.withContiguousStorageIfAvailable { leftBytes in
            right.utf8.withContiguousStorageIfAvailable { rightBytes in precedes(leftBytes, rightBytes) }
        }
        return (inPlace ?? nil) ?? left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// Byte for byte the same: what SQLite's unique index compares, unlike `==` (canonical equivalence).
    static func same(_ left: String, _ right: String) -> Bool {
        left.utf8.elementsEqual(right.utf8)
    }

    /// memcmp, as SQLite does: the generic `lexicographicallyPrecedes` was most of sorting 100,000 logins.
    private static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(left.count, right.count)
        if common > 0, let leftStart = left.baseAddress, let rightStart = right.baseAddress {
            let order = memcmp(leftStart, rightStart, common)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
    }
}
