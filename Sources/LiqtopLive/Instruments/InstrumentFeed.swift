import LiqtopCore
import LiqtopFeeds
import Logging
import Synchronization

/// The instrument book a running `live` prices with, replaced whole when the lists are fetched
/// again (every 6 h). Decoders check its version per frame (one atomic load) and take the new
/// book only when it changed.
public final class InstrumentFeed: Sendable {
    private let book: PthreadLock<InstrumentBook>
    private let version = Atomic<Int>(0)

    public init(_ initial: InstrumentBook = InstrumentBook()) { book = PthreadLock(initial) }

    public func update(_ new: InstrumentBook) {
        book.withLock { $0 = new }
        version.add(1, ordering: .releasing)
    }

    /// The book and its version when newer than `seen`, else nil.
    public func newer(than seen: Int) -> (version: Int, book: InstrumentBook)? {
        let v = version.load(ordering: .acquiring)
        guard v != seen else { return nil }
        return book.withLock { (v, $0) }
    }

    public var current: InstrumentBook { book.withLock { $0 } }
}

/// Keeps a feed filled for `live`: the cached lists (or the bundled snapshot) at once, with no
/// network, then the venues' lists fetched now and every `InstrumentEndpoint.refreshInterval`; `extra` (`--instruments`
/// files) always wins over what was fetched.
public enum InstrumentRefresh {
    /// `report` hears, after each round, where each venue's facts came from (`sources(of:)`).
    public static func run(feed: InstrumentFeed, fetcher: InstrumentFetcher, extra: InstrumentBook,
                           every interval: Swift.Duration = InstrumentEndpoint.refreshInterval,
                           logger: Logger = InstrumentRefresh.logger,
                           report: @escaping @Sendable ([String: String]) -> Void = { _ in }) async {
        let first = fetcher.endpoints.map { fetcher.offline($0, reason: "not fetched yet") }
        let offline = InstrumentFetcher.book(first)
        if !offline.isEmpty { feed.update(merged(offline, extra)) }
        report(sources(of: first))
        while !Task.isCancelled {
            let outcomes = await fetcher.fetchAll()
            feed.update(merged(InstrumentFetcher.book(outcomes), extra))
            for o in outcomes { log(o, to: logger) }
            report(sources(of: outcomes))
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    /// Per venue, the words of its endpoints' outcomes (OKX has two lists), e.g.
    /// `live list of 2026-12-01 17:40 UTC` or `cache of 2026-11-30 (list: HTTP 503)`.
    public static func sources(of outcomes: [InstrumentFetcher.Outcome]) -> [String: String] {
        var words: [String: [String]] = [:]
        for o in outcomes where !(words[o.endpoint.venue]?.contains(o.source.words) ?? false) {
            words[o.endpoint.venue, default: []].append(o.source.words)
        }
        return words.mapValues { $0.joined(separator: "; ") }
    }

    public static let logger = LiqtopLog.logger("liqtop.instruments")

    /// One line per list fetched: its size when it came, else what was used instead and why.
    static func log(_ o: InstrumentFetcher.Outcome, to logger: Logger) {
        let name = "\(o.endpoint.venue) \(o.endpoint.cacheName)"
        if case .live = o.source {
            logger.info("instruments: \(name): \(o.list?.facts.count ?? 0) instruments, \(o.source.words)")
        } else {
            logger.warning("instruments: \(name): not fetched; using \(o.source.words)")
        }
    }

    static func merged(_ fetched: InstrumentBook, _ extra: InstrumentBook) -> InstrumentBook {
        var book = fetched
        book.add(extra)
        return book
    }
}
