import Foundation

/// One slot per concurrent worker, each filled once by its worker and read after all are done:
/// how `DispatchQueue.concurrentPerform` hands results back. A lock guards the array.
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { values[index] } }
        set { lock.withLock { values[index] = newValue } }
    }
}
