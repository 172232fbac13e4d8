/// Hands messages from work tasks (any thread) to the UI loop.
public struct MessageSender<Message: Sendable>: Sendable {
    let inbox: MessageInbox<Message>

    public func send(_ message: Message) {
        inbox.post(message)
    }
}
