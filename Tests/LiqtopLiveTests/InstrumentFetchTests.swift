import Foundation
import LiqtopCore
import LiqtopFeeds
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing
@testable import LiqtopLive

/// A plain HTTP server on 127.0.0.1 answering every GET with one fixed body (or status).
final class LoopbackHTTPServer: Sendable {
    let channel: any Channel
    let requests = PthreadLock<[String]>([])

    private init(channel: any Channel) { self.channel = channel }

    var port: Int { channel.localAddress?.port ?? 0 }

    static func start(status: HTTPResponseStatus = .ok, body: String) async throws -> LoopbackHTTPServer {
        let box = PthreadLock<LoopbackHTTPServer?>(nil)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Responder(status: status, body: body) { uri in box.withLock { $0?.requests.withLock { $0.append(uri) } } })
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = LoopbackHTTPServer(channel: channel)
        box.withLock { $0 = server }
        return server
    }

    func stop() async { try? await channel.close() }

    final class Responder: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let status: HTTPResponseStatus
        let body: String
        let seen: @Sendable (String) -> Void

        init(status: HTTPResponseStatus, body: String, seen: @escaping @Sendable (String) -> Void) {
            self.status = status; self.body = body; self.seen = seen
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): seen(head.uri)
            case .body: break
            case .end:
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(body.utf8.count))
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}

@Suite struct InstrumentFetchTests {
    /// OKX's list as it answers (shape from OKX v5 docs "Get instruments").
    static let okxList = #"{"code":"0","msg":"","data":[{"instType":"SWAP","instId":"CELO-USDT-SWAP","ctVal":"10","ctMult":"1","ctValCcy":"CELO","ctType":"linear","state":"live"}]}"#

    static func tempDir() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-instcache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func fetcher(port: Int, cache: String) -> InstrumentFetcher {
        InstrumentFetcher(endpoints: [InstrumentEndpoint(venue: "okx", cacheName: "okx-swap.json", url: "http://127.0.0.1:\(port)/api/v5/public/instruments?instType=SWAP")],
                          cache: InstrumentCacheFiles(directory: cache + "/liqtop/instruments"), environment: [:],
                          timeout: .seconds(10), connectTimeout: .milliseconds(500), clock: { 1_768_348_800_000 })
    }

    @Test func reachableIsUsedAndCachedAsSent() async throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try await LoopbackHTTPServer.start(body: Self.okxList)
        let outcome = await Self.fetcher(port: server.port, cache: dir).fetch(InstrumentEndpoint(venue: "okx", cacheName: "okx-swap.json", url: "http://127.0.0.1:\(server.port)/api/v5/public/instruments?instType=SWAP"))
        await server.stop()
        #expect(outcome.source == .live(1_768_348_800_000))
        #expect(outcome.list?.facts.map(\.instrument) == ["CELO-USDT-SWAP"])
        #expect(server.requests.withLock { $0 } == ["/api/v5/public/instruments?instType=SWAP"])
        let cached = try String(contentsOfFile: dir + "/liqtop/instruments/okx-swap.json", encoding: .utf8)
        #expect(cached == Self.okxList)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/liqtop/instruments") == ["okx-swap.json"]) // no temporary left
    }

    @Test func unreachableFallsBackToTheCache() async throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = InstrumentCacheFiles(directory: dir + "/liqtop/instruments")
        #expect(cache.store("okx-swap.json", Array(Self.okxList.utf8)) == nil)
        // A port nothing listens on: bound, then closed.
        let gone = try await LoopbackHTTPServer.start(body: "")
        let port = gone.port
        await gone.stop()
        let fetcher = Self.fetcher(port: port, cache: dir)
        let outcome = await fetcher.fetch(fetcher.endpoints[0])
        guard case .cache = outcome.source else { Issue.record("expected the cache, got \(outcome.source)"); return }
        #expect(outcome.list?.facts.first?.contractValue == FixedDecimal(10))
        #expect(InstrumentFetcher.book([outcome]).facts(venue: "okx", instrument: "CELO-USDT-SWAP") != nil)
    }

    @Test func anErrorAnswerNeverReplacesTheCache() async throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = InstrumentCacheFiles(directory: dir + "/liqtop/instruments")
        #expect(cache.store("okx-swap.json", Array(Self.okxList.utf8)) == nil)
        let server = try await LoopbackHTTPServer.start(body: #"{"code":"50011","msg":"Too Many Requests","data":[]}"#)
        let fetcher = Self.fetcher(port: server.port, cache: dir)
        let outcome = await fetcher.fetch(fetcher.endpoints[0])
        await server.stop()
        guard case .cache = outcome.source else { Issue.record("expected the cache, got \(outcome.source)"); return }
        #expect(try String(contentsOfFile: dir + "/liqtop/instruments/okx-swap.json", encoding: .utf8) == Self.okxList)
    }

    @Test func noCacheMeansTheBundledTable() async throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try await LoopbackHTTPServer.start(status: .serviceUnavailable, body: "down")
        let fetcher = Self.fetcher(port: server.port, cache: dir)
        let outcome = await fetcher.fetch(fetcher.endpoints[0])
        await server.stop()
        #expect(outcome.source == .bundled(reason: "HTTP 503"))
        #expect(outcome.list == nil)
        #expect(outcome.source.description == "bundled table")
    }

    @Test func cacheDirectoryFollowsXDG() {
        #expect(InstrumentCacheFiles.directory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/liqtop/instruments")
        #expect(InstrumentCacheFiles.directory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]) == "/h/.cache/liqtop/instruments")
        #expect(InstrumentCacheFiles.directory(environment: [:]) == nil)
    }

    @Test func proxyFromTheEnvironment() {
        let env = ["https_proxy": "http://proxy:3128", "no_proxy": "localhost,.internal"]
        #expect(ProxyEnvironment.proxy(host: "www.okx.com", tls: true, environment: env).map { "\($0.host):\($0.port)" } == "proxy:3128")
        #expect(ProxyEnvironment.proxy(host: "api.internal", tls: true, environment: env) == nil)
        #expect(ProxyEnvironment.proxy(host: "www.okx.com", tls: false, environment: env) == nil) // http_proxy only for plain HTTP
        #expect(ProxyEnvironment.proxy(host: "a", tls: true, environment: ["HTTPS_PROXY": "socks5://p:1"]) == nil)
    }
}

/// A running `live` takes a refreshed list without reconnecting: the next frame is priced with it.
@Suite struct InstrumentFeedTests {
    static let celoOrder = #"{"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":"0.6123","ccy":"","posSide":"long","side":"sell","sz":"8.55","ts":"1768348000000"}],"instFamily":"CELO-USDT","instId":"CELO-USDT-SWAP","instType":"SWAP","uly":"CELO-USDT"}]}"#

    @Test func framesArePricedWithTheLatestList() async throws {
        let feed = InstrumentFeed()
        let state = LiveState(source: "okx", context: DecodeContext(now: 1_768_348_800_000), keepRaw: false, instruments: feed)
        let session = state.beginSession(now: 1_768_348_800_000)
        state.received(text: Self.celoOrder, session: session, now: 1_768_348_800_000)
        let before = try #require(state.take())
        #expect(before.output.events.isEmpty)
        #expect(before.output.rejections.first?.reason.hasPrefix("unknown OKX instrument CELO-USDT-SWAP") == true)

        // The refresh: a loopback "OKX" answers with its list.
        let dir = try InstrumentFetchTests.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try await LoopbackHTTPServer.start(body: InstrumentFetchTests.okxList)
        let fetcher = InstrumentFetchTests.fetcher(port: server.port, cache: dir)
        let reports = PthreadLock<[[String: String]]>([])
        let refresh = Task {
            await InstrumentRefresh.run(feed: feed, fetcher: fetcher, extra: InstrumentBook(), every: .seconds(3600)) { words in
                reports.withLock { $0.append(words) }
            }
        }
        var waited = 0
        while reports.withLock({ $0.count }) < 2, waited < 1000 { try await Task.sleep(for: .milliseconds(10)); waited += 1 } // bounded
        refresh.cancel()
        await server.stop()
        // What the venue drill-down says: first nothing cached yet, then the live list and its time.
        let said = reports.withLock { $0 }
        #expect(said.first?["okx"]?.hasPrefix("in-code table only (list: not fetched yet)") == true, "\(said)")
        #expect(said.dropFirst().first?["okx"] == "live list of 2026-01-14 00:00 UTC", "\(said)")

        state.received(text: Self.celoOrder, session: session, now: 1_768_348_800_000)
        let after = try #require(state.take())
        #expect(after.output.rejections.isEmpty)
        // 8.55 × 10 CELO = 85.5 CELO × 0.6123 = $52.35165
        #expect(after.output.events.compactMap { if case .liquidation(let l) = $0 { l.usd } else { nil } } == [USD(micros: 52_351_650)])
    }
}

@Suite struct InstrumentSnapshotTests {
    /// No answer and no cache: the bundled snapshot, dated by its DATE file.
    @Test func noCacheFallsBackToTheDatedSnapshot() async throws {
        let dir = try InstrumentFetchTests.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshotDir = dir + "/Instruments/snapshot"
        try FileManager.default.createDirectory(atPath: snapshotDir, withIntermediateDirectories: true)
        try InstrumentFetchTests.okxList.write(toFile: snapshotDir + "/okx-swap.json", atomically: true, encoding: .utf8)
        try "2026-11-30\n".write(toFile: snapshotDir + "/DATE", atomically: true, encoding: .utf8)
        let snapshot = try #require(InstrumentSnapshot(directory: snapshotDir))
        // Found next to a SwiftPM build's binary (.build/debug/liqtop → ../../Instruments/snapshot).
        try FileManager.default.createDirectory(atPath: dir + "/.build/debug", withIntermediateDirectories: true)
        #expect(InstrumentSnapshot.find(executablePath: dir + "/.build/debug/liqtop")?.directory == dir + "/.build/debug/../../Instruments/snapshot")

        let server = try await LoopbackHTTPServer.start(status: .serviceUnavailable, body: "down")
        var fetcher = InstrumentFetchTests.fetcher(port: server.port, cache: dir + "/no-cache")
        fetcher.snapshot = snapshot
        let outcome = await fetcher.fetch(fetcher.endpoints[0])
        await server.stop()
        #expect(outcome.source == .snapshot(Day(iso: "2026-11-30")!, reason: "HTTP 503"))
        #expect(outcome.source.description == "bundled snapshot of 2026-11-30")
        #expect(outcome.list?.facts.first?.asOf == Day(iso: "2026-11-30")!.start)
        #expect(outcome.list?.facts.first?.contractValue == FixedDecimal(10))
    }

    @Test func aDirectoryWithoutDateIsNoSnapshot() throws {
        let dir = try InstrumentFetchTests.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(InstrumentSnapshot(directory: dir) == nil)
    }
}
