import CCurl
import Foundation
import SCIM

/// One request on its way through libcurl: the easy handle's settings, the bytes received, and the
/// continuation of the task waiting for it. Touched by the loop thread only, except `continuation`
/// and `cancelRequested`, which the loop's lock guards.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    let useProxy: Bool
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    var cancelRequested = false

    private(set) var body = Data()
    private(set) var headers: [(name: String, value: String)] = []
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl writes its own words about a failure here; it must outlive the transfer, hence a raw allocation.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    /// How many times libcurl sent the request: more than one when it re-sent it by itself.
    private let sendCounter = UnsafeMutablePointer<ccurl_send_counter>.allocate(capacity: 1)
    private var maxResponseBytes = 0
    /// True when the body outgrew `maxResponseBytes` and the write callback stopped the transfer.
    private(set) var overflowed = false

    init(request: HTTPRequest, useProxy: Bool) {
        self.request = request
        self.useProxy = useProxy
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        sendCounter.initialize(to: ccurl_send_counter(sends: 0, last_type: CURLINFO_END))
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        sendCounter.deallocate()
    }

    /// Sets every option of `handle` for this request. Returns false when libcurl refuses one.
    func configure(_ handle: UnsafeMutableRawPointer, with configuration: CurlTransportConfiguration) -> Bool {
        maxResponseBytes = configuration.maxResponseBytes
        var ok = true
        func set(_ option: CURLoption, _ value: Int) { ok = ok && ccurl_easy_setopt_long(handle, option, value) == CURLE_OK }
        func set(_ option: CURLoption, _ value: String) { ok = ok && ccurl_easy_setopt_string(handle, option, value) == CURLE_OK }

        set(CURLOPT_URL, request.url.absoluteString)
        set(CURLOPT_PROTOCOLS_STR, "http,https")
        set(CURLOPT_NOSIGNAL, 1)
        // A bearer token must not follow a redirect to another host: redirects are answers, not detours.
        set(CURLOPT_FOLLOWLOCATION, 0)
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = configuration.caFile { set(CURLOPT_CAINFO, caFile) }
        set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        set(CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl can decode (gzip, deflate, br, zstd)
        set(CURLOPT_TCP_KEEPALIVE, 1)
        set(CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
        set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(min(request.timeout, configuration.connectTimeout)))
        set(CURLOPT_USERAGENT, configuration.userAgent)
        // Proxies come from the environment (libcurl's default); "" disables them for loopback destinations.
        if !useProxy { set(CURLOPT_PROXY, "") }

        if !Self.isIdempotent(request.method) {
            // libcurl silently sends a request again on a new connection when a *reused* one dies before
            // the first byte of answer, even though the server may have acted on it already: a duplicate
            // user or group for a POST. A fresh connection is never a reused one, so that re-send cannot
            // happen; the client then sees the lost answer and looks the resource up instead.
            set(CURLOPT_FRESH_CONNECT, 1)
        }

        switch request.method.uppercased() {
        case "GET": set(CURLOPT_HTTPGET, 1)
        case "HEAD": set(CURLOPT_NOBODY, 1)
        case "POST": set(CURLOPT_POST, 1)
        default: set(CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let payload = request.body {
            set(CURLOPT_POSTFIELDSIZE_LARGE, payload.count)
            // COPYPOSTFIELDS takes its own copy of POSTFIELDSIZE bytes; one spare byte keeps an empty body's pointer valid.
            var bytes = [UInt8](payload)
            bytes.append(0)
            ok = ok && bytes.withUnsafeMutableBytes { ccurl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) == CURLE_OK }
        } else if request.method.uppercased() == "POST" {
            set(CURLOPT_POSTFIELDSIZE_LARGE, 0)
        }

        curl_slist_free_all(headerList)
        headerList = nil
        for header in request.headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        // No `Expect: 100-continue` pause: many SCIM servers (scim2-server among them) never answer it.
        headerList = curl_slist_append(headerList, "Expect:")
        ok = ok && ccurl_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)) == CURLE_OK

        let context = Unmanaged.passUnretained(self).toOpaque()
        ok = ok && ccurl_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlTransferWriteBody) == CURLE_OK
        ok = ok && ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context) == CURLE_OK
        ok = ok && ccurl_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlTransferWriteHeader) == CURLE_OK
        ok = ok && ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context) == CURLE_OK
        errorBuffer[0] = 0
        ok = ok && ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)) == CURLE_OK
        // libcurl may still re-send an idempotent request on a new connection when a reused one died;
        // counting the sends lets the client log each one (every request the server saw is in the log).
        ok = ok && ccurl_easy_count_sends(handle, sendCounter) == CURLE_OK
        return ok
    }

    /// The outcome once libcurl reports the transfer done.
    func result(_ code: CURLcode, handle: UnsafeMutableRawPointer) -> Result<HTTPResponse, TransportError> {
        guard code == CURLE_OK else {
            if overflowed {
                return .failure(.failed(code: Int(code.rawValue), detail: "the response was larger than \(maxResponseBytes) bytes"))
            }
            let detail = String(cString: errorBuffer)
            return .failure(CurlErrorMapping.transportError(code, detail: detail, host: request.url.host ?? "", timeout: request.timeout))
        }
        var status = 0
        _ = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var seconds = 0.0
        _ = ccurl_easy_getinfo_double(handle, CURLINFO_TOTAL_TIME, &seconds)
        return .success(HTTPResponse(status: status, headers: headers, body: body, latency: seconds, sends: max(1, sendCounter.pointee.sends)))
    }

    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maxResponseBytes else {
            overflowed = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// One header line as libcurl hands it over. A status line starts a new set (after `100 Continue`, say).
    /// Read as bytes: Foundation's trimming here once cost more CPU than the whole rest of a request.
    func appendHeaderLine(_ line: UnsafeRawBufferPointer) {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var end = line.count
        while end > 0, isBlank(line[end - 1]) { end -= 1 }
        if end >= 5, line[0] == UInt8(ascii: "H"), line[1] == UInt8(ascii: "T"), line[2] == UInt8(ascii: "T"),
           line[3] == UInt8(ascii: "P"), line[4] == UInt8(ascii: "/") {
            headers.removeAll(keepingCapacity: true)
            return
        }
        guard let colon = line[0..<end].firstIndex(of: UInt8(ascii: ":")) else { return }
        var nameEnd = colon
        while nameEnd > 0, isBlank(line[nameEnd - 1]) { nameEnd -= 1 }
        var valueStart = colon + 1
        while valueStart < end, isBlank(line[valueStart]) { valueStart += 1 }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: line[0..<nameEnd]), as: UTF8.self)
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: line[valueStart..<end]), as: UTF8.self)
        headers.append((name, value))
    }

    /// Methods a server may safely see twice (SCIM's PATCH operations here set values and members,
    /// so a second one changes nothing). Everything else, POST above all, is sent on a fresh connection.
    static func isIdempotent(_ method: String) -> Bool {
        ["GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"].contains(method.uppercased())
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded(.up)))
    }
}

/// CURLOPT_WRITEFUNCTION: returning less than asked stops the transfer (CURLE_WRITE_ERROR).
private func curlTransferWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    return transfer.appendBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private func curlTransferWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    transfer.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
    return length
}
