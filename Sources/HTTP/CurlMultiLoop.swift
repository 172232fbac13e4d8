import CCurl
import Foundation
import SCIM

/// One `curl_multi` handle and the thread that drives it. Other threads only hand over work through
/// the lock-guarded inbox and wake the thread with `curl_multi_wakeup` (the one multi call that is
/// safe from any thread); every other libcurl call happens on the loop thread.
final class CurlMultiLoop: @unchecked Sendable {
    private let configuration: CurlTransportConfiguration
    private let multi: UnsafeMutableRawPointer

    // Guarded by `lock`.
    private let lock = NSLock()
    private var inbox: [CurlTransfer] = []
    private var cancellations: [CurlTransfer] = []
    private var closing = false

    // Loop thread only.
    private var waiting: [CurlTransfer] = []
    private var waitingStart = 0
    private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []

    init?(configuration: CurlTransportConfiguration) {
        guard CurlRuntime.initialized, let multi = curl_multi_init() else { return nil }
        self.configuration = configuration
        self.multi = multi
        // Keep-alive: finished connections stay in the multi's cache for the next request to the host.
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, configuration.maxInFlight * 2)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "scimdeck.curl"
        thread.start()
    }

    /// Queues a transfer with the continuation of the task awaiting it; resumes it at once when
    /// cancelled or closed already.
    func submit(_ transfer: CurlTransfer, _ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        lock.lock()
        transfer.continuation = continuation
        if transfer.cancelRequested || closing {
            let error: TransportError = closing ? .failed(code: -1, detail: "the HTTP transport is shut down") : .cancelled
            let continuation = takeContinuationLocked(transfer)
            lock.unlock()
            continuation?.resume(throwing: error)
            return
        }
        inbox.append(transfer)
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    func cancel(_ transfer: CurlTransfer) {
        lock.lock()
        transfer.cancelRequested = true
        cancellations.append(transfer)
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    /// Ends the thread: transfers still queued or running fail; the thread frees the multi handle.
    func shutdown() {
        lock.lock()
        closing = true
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    private func takeContinuationLocked(_ transfer: CurlTransfer) -> CheckedContinuation<HTTPResponse, any Error>? {
        let continuation = transfer.continuation
        transfer.continuation = nil
        return continuation
    }

    private func finish(_ transfer: CurlTransfer, _ result: Result<HTTPResponse, TransportError>) {
        lock.lock()
        let continuation = takeContinuationLocked(transfer)
        lock.unlock()
        continuation?.resume(with: result.mapError { $0 as any Error })
    }

    // MARK: The loop thread

    private func run() {
        var stillRunning: Int32 = 0
        while true {
            lock.lock()
            let arrived = inbox
            let cancelled = cancellations
            let stop = closing
            inbox.removeAll(keepingCapacity: true)
            cancellations.removeAll(keepingCapacity: true)
            lock.unlock()

            waiting.append(contentsOf: arrived)
            for transfer in cancelled { abandon(transfer, .cancelled) }
            if stop { break }
            startWaiting()

            curl_multi_perform(multi, &stillRunning)
            collectFinished()
            // Sleeps until a socket is ready, a timer of libcurl's is due, or `curl_multi_wakeup`.
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        let stopped = TransportError.failed(code: -1, detail: "the HTTP transport is shut down")
        for transfer in Array(running.values) + waiting[waitingStart...] { abandon(transfer, stopped) }
        for handle in idleHandles { curl_easy_cleanup(handle) }
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
    }

    /// Moves queued transfers into the multi handle while fewer than `maxInFlight` run.
    private func startWaiting() {
        while running.count < configuration.maxInFlight, waitingStart < waiting.count {
            let transfer = waiting[waitingStart]
            waitingStart += 1
            guard let handle = idleHandles.popLast() ?? curl_easy_init() else {
                finish(transfer, .failure(.failed(code: -1, detail: "libcurl could not make a handle")))
                continue
            }
            guard transfer.configure(handle, with: configuration), curl_multi_add_handle(multi, handle) == CURLM_OK else {
                recycle(handle)
                finish(transfer, .failure(.failed(code: -1, detail: "libcurl refused the request's settings")))
                continue
            }
            running[handle] = transfer
        }
        if waitingStart == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingStart = 0
        }
    }

    private func collectFinished() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                  let transfer = running.removeValue(forKey: handle) else { continue }
            let code = message.pointee.data.result
            let result = transfer.result(code, handle: handle)
            curl_multi_remove_handle(multi, handle)
            recycle(handle)
            finish(transfer, result)
        }
    }

    /// Stops a transfer wherever it is (queued or running) and fails its task.
    private func abandon(_ transfer: CurlTransfer, _ error: TransportError) {
        if let handle = running.first(where: { $0.value === transfer })?.key {
            running.removeValue(forKey: handle)
            curl_multi_remove_handle(multi, handle)
            recycle(handle)
        } else if let index = waiting[waitingStart...].firstIndex(where: { $0 === transfer }) {
            waiting.remove(at: index)
        }
        finish(transfer, .failure(error))
    }

    /// Keeps the easy handle for the next request (its DNS cache and TLS session survive `curl_easy_reset`).
    private func recycle(_ handle: UnsafeMutableRawPointer) {
        curl_easy_reset(handle)
        if idleHandles.count < configuration.maxInFlight {
            idleHandles.append(handle)
        } else {
            curl_easy_cleanup(handle)
        }
    }
}
