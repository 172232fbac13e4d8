import ArgumentParser
import HTTP

/// How to reach an app: a private CA, and the explicit opt-in to plain http beyond loopback.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("ca-file"), help: "A PEM file of CA certificates to trust (a private CA).")
    var caFile: String?

    @Flag(name: .customLong("allow-insecure-http"), help: "Allow plain http:// to hosts other than loopback (the token then crosses the network in clear).")
    var allowInsecureHTTP = false

    func transport(maxInFlight: Int) throws -> CurlTransport {
        try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: maxInFlight, caFile: caFile, allowInsecureHTTP: allowInsecureHTTP))
    }
}
