import AsyncHTTPClient

/// The one way liqtop's HTTPS clients are configured: the environment's proxy for the URL's
/// host (`ProxyEnvironment`, the rules the WebSocket connectors follow) and both timeouts.
enum HTTPConfiguration {
    static func make(url: String, environment: [String: String], connectTimeout: Swift.Duration,
                     readTimeout: Swift.Duration) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        let (host, tls) = hostAndTLS(url)
        if let proxy = ProxyEnvironment.proxy(host: host, tls: tls, environment: environment) {
            configuration.proxy = .server(host: proxy.host, port: proxy.port)
        }
        configuration.timeout = .init(connect: .milliseconds(millis(connectTimeout)), read: .milliseconds(millis(readTimeout)))
        return configuration
    }

    static func millis(_ d: Swift.Duration) -> Int64 {
        d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }

    static func hostAndTLS(_ url: String) -> (String, Bool) {
        let tls = url.hasPrefix("https://")
        var rest = Substring(url)
        if let r = rest.range(of: "://") { rest = rest[r.upperBound...] }
        let end = rest.firstIndex { $0 == "/" || $0 == ":" || $0 == "?" } ?? rest.endIndex
        return (String(rest[..<end]), tls)
    }
}
