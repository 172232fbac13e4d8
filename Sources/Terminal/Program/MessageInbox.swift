import Foundation

/// A thread-safe queue of messages for the UI loop. Posting wakes the loop through the
/// self-pipe it polls together with the terminal's input (the stepper, which polls nothing, has none).
final class MessageInbox<Message: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []
    private let wakePipe: WakePipe?

    init(wakePipe: WakePipe? = nil) {
        self.wakePipe = wakePipe
    }

    func post(_ message: Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
        wakePipe?.wake()
    }

    func takeAll() -> [Message] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll(keepingCapacity: true)
        return taken
    }
}
