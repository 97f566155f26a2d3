/// The checks every liquidation passes whatever its source, so that no venue parser can let
/// an implausible order into the totals.
public enum LiquidationCheck {
    /// A single forced order above this is a broken or hostile message, not a market event:
    /// the largest real liquidations on record are in the hundreds of millions.
    public static let maxOrderUSD = USD(dollars: 10_000_000_000)
    public static let maxInstrumentLength = 40

    /// Validates the parts and builds the event. `instrument` is the raw bytes as sent.
    public static func make(time: Millis, venue: Venue, instrument: UnsafeBufferPointer<UInt8>,
                            side: Side, price: FixedDecimal, quantity: FixedDecimal, usd: USD?,
                            context: DecodeContext) throws(InputError) -> Liquidation {
        try context.checkTime(time)
        let name = try instrumentName(instrument)
        let usd = try notional(price: price, quantity: quantity, usd: usd)
        guard let coin = CoinNormalizer.coin(of: name) else { throw InputError("cannot tell the coin of \(name)") }
        return Liquidation(time: time, venue: venue, instrument: name, coin: coin, side: side,
                           price: price, quantity: quantity, usd: usd)
    }

    /// The order's amounts checked: its notional, or why it is refused.
    static func notional(price: FixedDecimal, quantity: FixedDecimal, usd: USD?) throws(InputError) -> USD {
        guard price.isPositive else { throw InputError("price is zero or negative") }
        guard quantity.isPositive else { throw InputError("quantity is zero or negative") }
        guard let usd else { throw InputError("notional out of range") }
        guard usd.micros > 0 else { throw InputError("notional rounds to zero") }
        guard usd <= maxOrderUSD else { throw InputError("notional over $10B: implausible order") }
        return usd
    }

    /// The notional when time and amounts pass `make`'s checks (the name aside), else nil: the
    /// fast path then leaves the line to the general decoder, which words the reason.
    static func acceptedNotional(time: Millis, price: FixedDecimal, quantity: FixedDecimal, usd: USD?,
                                 context: DecodeContext) -> USD? {
        guard (try? context.checkTime(time)) != nil else { return nil }
        return try? notional(price: price, quantity: quantity, usd: usd)
    }

    /// Instruments are `[A-Za-z0-9._:/-]{1,40}`; anything else is refused before it can
    /// reach a terminal or a file name.
    public static func instrumentName(_ raw: UnsafeBufferPointer<UInt8>) throws(InputError) -> String {
        guard !raw.isEmpty, raw.count <= maxInstrumentLength else { throw InputError("instrument name empty or too long") }
        for b in raw {
            let ok = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2E || b == 0x5F || b == 0x3A || b == 0x2F || b == 0x2D
            guard ok else { throw InputError("instrument name has characters outside [A-Za-z0-9._:/-]") }
        }
        return String(decoding: raw, as: UTF8.self)
    }

    public static func instrumentName(_ text: String) throws(InputError) -> String {
        var s = text
        return try s.withUTF8 { p in Result { () throws(InputError) in try instrumentName(p) } }.get()
    }
}
