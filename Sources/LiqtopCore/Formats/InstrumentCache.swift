#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps an instrument name, as raw bytes from a line, to its id in an output's instrument
/// table without building or hashing strings on every line: a crash day repeats a few dozen
/// names a million times. Names are validated and normalized once, on a miss.
struct InstrumentCache {
    /// Open addressing with short probes and room to spare, keyed by name and venue: a direct
    /// map keyed by name alone made Binance's and Bybit's `BTCUSDT` evict each other on every
    /// line of a mixed capture.
    private static let slotCount = 1024
    private static let probes = 4
    private static let keyBytes = LiquidationCheck.maxInstrumentLength

    /// Slot keys, `keyBytes` each, compared with memcmp: no per-line retain/release.
    private var keys = [UInt8](repeating: 0, count: slotCount * keyBytes)
    private var lengths = [Int](repeating: -1, count: slotCount)
    private var venues = [Venue](repeating: .binance, count: slotCount)
    private var ids = [UInt32](repeating: 0, count: slotCount)
    /// The table each slot's id belongs to: outputs change between batches.
    private var tables = [InstrumentTable.Identity?](repeating: nil, count: slotCount)
    /// Names looked up the slow way (validated, normalized, found in the table): for tests.
    private(set) var misses = 0

    /// The id of the instrument in `orders.instruments` (added when new), or nil when the name
    /// is not a valid instrument or has no recognizable coin.
    /// `coinName`: where the coin is named apart from the instrument (HTX's `symbol`), used on
    /// a miss; the table keeps an instrument's first coin anyway, as for the general decoder.
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, venue: Venue, coinName: UnsafeBufferPointer<UInt8>? = nil,
                     in orders: inout OrderColumns) -> UInt32? {
        guard bytes.count <= Self.keyBytes, let base = bytes.baseAddress else { return nil }
        var h: UInt32 = 2_166_136_261 // FNV-1a over the venue's tag, then the name
        h = (h ^ UInt32(withUnsafeBytes(of: venue) { $0.first ?? 0 })) &* 16_777_619
        for x in bytes { h = (h ^ UInt32(x)) &* 16_777_619 }
        let mask = Self.slotCount - 1
        let start = Int((h ^ (h >> 15)) & UInt32(mask))
        let table = orders.instruments.identity
        var k = start, slot = start
        for _ in 0 ..< Self.probes {
            if lengths[k] < 0 { slot = k; break }
            if lengths[k] == bytes.count, venues[k] == venue,
               keys.withUnsafeBufferPointer({ memcmp($0.baseAddress! + k * Self.keyBytes, base, bytes.count) }) == 0 {
                if tables[k] === table { return ids[k] }
                slot = k // the name's id in an earlier output: refilled below
                break
            }
            k = (k + 1) & mask
        }
        misses += 1
        // The instrument's own coin must be known even where another name gives it, as for
        // `LiquidationCheck.make` in the general decoder.
        guard let name = try? LiquidationCheck.instrumentName(bytes), let own = CoinNormalizer.coin(of: name) else { return nil }
        let coin = if let coinName { Self.coin(coinName) } else { own }
        guard let coin else { return nil }
        let id = orders.instrumentID(venue: venue, instrument: name, coin: coin)
        // A miss with every probed slot taken replaces the first.
        keys.withUnsafeMutableBufferPointer { _ = memcpy($0.baseAddress! + slot * Self.keyBytes, base, bytes.count) }
        lengths[slot] = bytes.count
        venues[slot] = venue
        ids[slot] = id
        tables[slot] = table
        return id
    }

    /// The coin of a name, as the general decoder takes it (a valid instrument name first).
    static func coin(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        guard let text = try? LiquidationCheck.instrumentName(name) else { return nil }
        return CoinNormalizer.coin(of: text)
    }
}
