/// The base coin of a venue's instrument name, so that `BTCUSDT`, `BTC-USD-SWAP` and
/// `BTCUSD_PERP` all count as `BTC`.
///
/// Called once per liquidation on the hot path, so it works on bytes: no regex, no Foundation.
public enum CoinNormalizer {
    /// Longest coin accepted. Real tickers are short (`BABYDOGE`, `BROCCOLI714`); a longer one is a
    /// malformed or hostile instrument name. The native decoder checks the same bound, so every
    /// coin liqtop accepts on input also replays from its own recording.
    public static let maxLength = 20

    public static func coin(of instrument: String) -> String? {
        var text = instrument
        return text.withUTF8 { coin(bytes: $0) }
    }

    static func coin(bytes s: UnsafeBufferPointer<UInt8>) -> String? {
        let n = s.count
        var lo = 0, hi = n
        var stripQuote = true
        if let sep = s.firstIndex(where: { $0 == 0x2D || $0 == 0x5F || $0 == 0x2F || $0 == 0x3A }) {
            hi = sep
            // OKX `BTC-USDT-SWAP`, `BTC-USD-250328`: the first part is the coin. Binance
            // `BTCUSD_PERP` / `BTCUSDT_260327` and Bybit `BTCUSDT-26DEC25` keep the quote in it.
            stripQuote = s[sep] == 0x5F || (sep + 1 < n && isDigit(s[sep + 1]))
        } else if hi >= 6, isDigit(s[hi - 1]), isDigit(s[hi - 2]), BybitFormat.isMonthCode(upper(s[hi - 3])),
                  hasSuffix(s, lo, hi - 3, "USD") {
            hi -= 3 // Bybit inverse futures: `BTCUSDH26` = BTCUSD, March 2026.
        }
        if stripQuote { hi = quoteStart(s, lo, hi) }
        lo = multiplierEnd(s, lo, hi)
        hi = trailingMultiplierStart(s, lo, hi)
        guard lo < hi, hi - lo <= maxLength else { return nil }
        var sawLetter = false
        for k in lo ..< hi {
            let b = upper(s[k])
            if b >= 0x41 && b <= 0x5A { sawLetter = true } else if !isDigit(b) { return nil }
        }
        guard sawLetter else { return nil }
        let slice = UnsafeBufferPointer(rebasing: s[lo ..< hi])
        if !slice.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return String(decoding: slice, as: UTF8.self) }
        return String(decoding: slice.map(upper), as: UTF8.self)
    }

    /// Where the quote currency starts in `s[lo..<hi]` (`hi` when there is none). A quote that
    /// would leave nothing (`USDT` alone) is not stripped here; the caller then finds no coin.
    private static func quoteStart(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        // Longest first, so `FDUSD`/`BUSD` are not read as coin + `USD`, except BNB: `BNBUSD`
        // is BNB quoted in USD, not "BN" in BUSD.
        if hasSuffix(s, lo, hi, "FDUSD") { return hi - 5 }
        if hasSuffix(s, lo, hi, "USDT") || hasSuffix(s, lo, hi, "USDC") || hasSuffix(s, lo, hi, "PERP") { return hi - 4 }
        if hasSuffix(s, lo, hi, "BUSD") && !(hasSuffix(s, lo, hi, "BNBUSD") && !hasSuffix(s, lo, hi, "BNBBUSD")) {
            return hi - 4
        }
        if hasSuffix(s, lo, hi, "USD") { return hi - 3 }
        return hi
    }

    /// The power of ten an instrument's price is per: 3 for `1000PEPEUSDT` and `SHIB1000USDT`, 6
    /// for `1MBABYDOGEUSDT` and `1000000MOGUSDT`, 0 when the instrument quotes one `coin`.
    public static func multiplierZeros(instrument: String, coin: String) -> Int {
        let name = Array(instrument.uppercased().utf8), c = Array(coin.utf8)
        guard !c.isEmpty, let at = (0 ... max(0, name.count - c.count)).first(where: { name.count >= c.count && Array(name[$0 ..< $0 + c.count]) == c })
        else { return 0 }
        // Before the coin: `1` then zeros, or `1M`.
        if at >= 2, name[at - 1] == 0x4D, name[at - 2] == 0x31, at == 2 || !isDigit(name[at - 3]) { return 6 }
        var k = at, zeros = 0
        while k > 0, name[k - 1] == 0x30 { k -= 1; zeros += 1 }
        if zeros >= 3, k > 0, name[k - 1] == 0x31, k == 1 || !isDigit(name[k - 2]) { return zeros }
        // After it: `1` then at least three zeros.
        k = at + c.count
        guard k < name.count, name[k] == 0x31 else { return 0 }
        k += 1; zeros = 0
        while k < name.count, name[k] == 0x30 { k += 1; zeros += 1 }
        return zeros >= 3 ? zeros : 0
    }

    /// Skips a size multiplier: `1000PEPE`, `1000000MOG` (a 1 and at least three zeros) or
    /// `1MBABYDOGE` (a million). `1INCH` is a coin, not a multiplier.
    private static func multiplierEnd(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        guard lo < hi, s[lo] == 0x31 else { return lo }
        var k = lo + 1
        while k < hi && s[k] == 0x30 { k += 1 }
        if k - lo >= 4 && k < hi && isLetter(s[k]) { return k }
        if k == lo + 1 && k + 1 < hi && upper(s[k]) == 0x4D && isLetter(s[k + 1]) { return k + 1 }
        return lo
    }

    /// Bybit writes some multipliers after the coin: `SHIB1000USDT` is SHIB, as Binance's
    /// `1000SHIBUSDT` is. A 1 and at least three zeros, after a letter.
    private static func trailingMultiplierStart(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var k = hi
        while k > lo && s[k - 1] == 0x30 { k -= 1 }
        guard hi - k >= 3, k - 1 > lo, s[k - 1] == 0x31, isLetter(s[k - 2]) else { return hi }
        return k - 1
    }

    private static func hasSuffix(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ suffix: StaticString) -> Bool {
        let len = suffix.utf8CodeUnitCount
        guard hi - lo >= len else { return false }
        let p = suffix.utf8Start
        for k in 0 ..< len where upper(s[hi - len + k]) != p[k] { return false }
        return true
    }

    @inline(__always) private static func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 0x20 : b }
    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { let u = upper(b); return u >= 0x41 && u <= 0x5A }
}
