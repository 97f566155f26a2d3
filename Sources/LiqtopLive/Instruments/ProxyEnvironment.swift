#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The HTTP proxy the environment names for a URL, by the rules the WebSocket connectors follow
/// (WSClient's `.environment()`): `https_proxy`/`HTTPS_PROXY`, else `http_proxy`, for TLS URLs;
/// `http_proxy` for plain ones; none when `no_proxy` matches the host (`*`, a suffix, a leading dot
/// ignored); only `http://host:port` proxies.
public enum ProxyEnvironment {
    /// The variables the instrument fetch reads (proxies and the cache directory), from this process.
    public static func process() -> [String: String] {
        var env: [String: String] = [:]
        for k in ["https_proxy", "HTTPS_PROXY", "http_proxy", "no_proxy", "NO_PROXY", "XDG_CACHE_HOME", "HOME"] {
            if let v = getenv(k) { env[k] = String(cString: v) }
        }
        return env
    }

    public static func proxy(host: String, tls: Bool, environment: [String: String]) -> (host: String, port: Int)? {
        let value = tls ? (environment["https_proxy"] ?? environment["HTTPS_PROXY"] ?? environment["http_proxy"]) : environment["http_proxy"]
        guard let value, !value.isEmpty else { return nil }
        if let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"] {
            for raw in noProxy.split(separator: ",") {
                var filter = raw.drop { $0 == " " }
                while filter.last == " " { filter = filter.dropLast() }
                if filter.first == "." { filter = filter.dropFirst() }
                if filter == "*" || (!filter.isEmpty && host.hasSuffix(filter)) { return nil }
            }
        }
        guard value.hasPrefix("http://") else { return nil }
        var rest = value.dropFirst("http://".count)
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]), (1 ... 65535).contains(port),
              colon > rest.startIndex else { return nil }
        return (String(rest[..<colon]), port)
    }
}
