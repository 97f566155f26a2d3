import AsyncHTTPClient
import LiqtopCore
import LiqtopFeeds
import NIOCore

/// Fetches the venues' public instrument lists over HTTPS (async-http-client, through the
/// environment's proxy as the WebSocket connectors do), caches each response as sent, and falls
/// back to the cached response when a venue cannot be reached, or to the bundled tables when
/// there is no cache.
public struct InstrumentFetcher: Sendable {
    public var endpoints: [InstrumentEndpoint]
    public var cache: InstrumentCacheFiles?
    /// The bundled snapshot, for a venue with neither an answer nor a cache.
    public var snapshot: InstrumentSnapshot?
    public var environment: [String: String]
    /// The whole request's limit, and the connection's (async-http-client retries a refused
    /// connection until it runs out).
    public var timeout: Swift.Duration
    public var connectTimeout: Swift.Duration
    public var clock: @Sendable () -> Millis

    /// A list's largest accepted body (BitMEX's full list is a few MiB).
    public static let maxBytes = InstrumentFile.maxBytes

    public init(endpoints: [InstrumentEndpoint] = InstrumentEndpoint.all, cache: InstrumentCacheFiles?,
                snapshot: InstrumentSnapshot? = nil, environment: [String: String], timeout: Swift.Duration = .seconds(20),
                connectTimeout: Swift.Duration = .seconds(10), clock: @escaping @Sendable () -> Millis = WallClock.now) {
        self.endpoints = endpoints; self.cache = cache; self.snapshot = snapshot; self.environment = environment
        self.timeout = timeout; self.connectTimeout = connectTimeout; self.clock = clock
    }

    public struct Outcome: Sendable {
        public var endpoint: InstrumentEndpoint
        public var source: InstrumentSource
        /// The facts read (empty with `.bundled`).
        public var list: InstrumentList?
    }

    /// Every endpoint once, one after the other; never throws.
    public func fetchAll() async -> [Outcome] {
        var out: [Outcome] = []
        for e in endpoints { out.append(await fetch(e)) }
        return out
    }

    /// All outcomes' facts in one book.
    public static func book(_ outcomes: [Outcome]) -> InstrumentBook {
        var book = InstrumentBook()
        for o in outcomes { for f in o.list?.facts ?? [] { book.add(f) } }
        return book
    }

    public func fetch(_ endpoint: InstrumentEndpoint) async -> Outcome {
        let why: String
        switch await download(endpoint.url) {
        case .success(let bytes):
            let now = clock()
            let parsed = bytes.withUnsafeBufferPointer { p in Result { () throws(InputError) in try InstrumentList.parse(p, asOf: now) } }
            switch parsed {
            case .success(let list) where list.venue == endpoint.venue:
                // Cached only once it reads as the list it should be: an error page never replaces a good list.
                _ = cache?.store(endpoint.cacheName, bytes)
                return Outcome(endpoint: endpoint, source: .live(now), list: list)
            case .success(let list):
                why = "answered with a \(list.venue) list"
            case .failure(let error):
                why = error.reason
            }
        case .failure(let error):
            why = error.message
        }
        return offline(endpoint, reason: why)
    }

    /// Without the network: the cached response, else the bundled snapshot, else nothing (the
    /// in-code tables alone).
    public func offline(_ endpoint: InstrumentEndpoint, reason why: String) -> Outcome {
        if let cached = cache?.cached(endpoint.cacheName), cached.venue == endpoint.venue {
            let asOf = cached.facts.first?.asOf ?? 0
            return Outcome(endpoint: endpoint, source: .cache(asOf, reason: why), list: cached)
        }
        if let snapshot, let list = snapshot.list(endpoint.cacheName), list.venue == endpoint.venue {
            return Outcome(endpoint: endpoint, source: .snapshot(snapshot.day, reason: why), list: list)
        }
        return Outcome(endpoint: endpoint, source: .bundled(reason: why), list: nil)
    }

    struct DownloadError: Error { var message: String }

    func download(_ url: String) async -> Result<[UInt8], DownloadError> {
        let configuration = HTTPConfiguration.make(url: url, environment: environment, connectTimeout: connectTimeout,
                                                   readTimeout: .seconds(timeout.components.seconds))
        let client = HTTPClient(eventLoopGroupProvider: .shared(NetworkLoop.group), configuration: configuration)
        let result: Result<[UInt8], DownloadError>
        do {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Accept", value: "application/json")
            let response = try await client.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
            if response.status == .ok {
                let body = try await response.body.collect(upTo: Self.maxBytes)
                result = .success(Array(body.readableBytesView))
            } else {
                result = .failure(DownloadError(message: "HTTP \(response.status.code)"))
            }
        } catch {
            result = .failure(DownloadError(message: SafeText.short(String(describing: error), limit: 120)))
        }
        try? await client.shutdown()
        return result
    }
}
