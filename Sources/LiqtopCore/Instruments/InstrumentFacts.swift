/// What a venue says one contract of an instrument is worth: the facts that turn a number of
/// contracts into a base quantity and a USD notional. Always taken from the venue (its
/// instrument list, a recording's `instrument` line, or a bundled snapshot of either), never
/// guessed: a wrong value would silently scale a venue's totals.
public struct InstrumentFacts: Sendable, Hashable {
    /// What `contractValue` counts.
    public enum Unit: String, Sendable, Hashable {
        /// Base coin per contract (linear): notional = contracts × value × price.
        case coin
        /// USD per contract (inverse): notional = contracts × value, whatever the price.
        case usd
    }

    public enum Kind: String, Sendable, Hashable {
        case linear, inverse
    }

    /// The venue as liqtop names it (`okx`, `binance`, `gate`, `htx`, `bitmex`): a name rather
    /// than `Venue`, so facts for venues this build does not stream yet still load and record.
    public var venue: String
    /// The instrument exactly as the venue names it in its liquidation messages.
    public var instrument: String
    public var contractValue: FixedDecimal
    public var unit: Unit
    public var kind: Kind
    /// When the venue published these facts (the list's fetch or save time).
    public var asOf: Millis

    public init(venue: String, instrument: String, contractValue: FixedDecimal, unit: Unit, kind: Kind, asOf: Millis) {
        self.venue = venue; self.instrument = instrument; self.contractValue = contractValue
        self.unit = unit; self.kind = kind; self.asOf = asOf
    }

    /// The same facts apart from the date: what matters for pricing.
    public func prices(like other: InstrumentFacts) -> Bool {
        contractValue == other.contractValue && unit == other.unit && kind == other.kind
    }

    /// The order's quantity and USD notional for `contracts` at `price`. Linear: the base
    /// quantity (contracts × value), so quantity × price is the notional as on every linear
    /// venue; inverse: the contracts as sent. USD is nil when a product does not fit.
    public func amounts(contracts: FixedDecimal, price: FixedDecimal) -> (quantity: FixedDecimal, usd: USD?) {
        switch unit {
        case .usd:
            return (contracts, USD.product(contracts, contractValue))
        case .coin:
            guard let base = FixedDecimal.exactProduct(contracts, contractValue) else { return (contracts, nil) }
            return (base, USD.product(base, price))
        }
    }

    /// Venue names are short lowercase words: `[a-z0-9]{1,20}`.
    public static func isVenueName(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        !raw.isEmpty && raw.count <= 20 && raw.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}

extension FixedDecimal {
    /// Exact `a × b`, or `nil` when it does not fit.
    public static func exactProduct(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal? {
        let (m, overflow) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        if overflow { return nil }
        return FixedDecimal(mantissa: m, scale: Int(a.scale) + Int(b.scale))
    }

    /// Exact `a ÷ b` when it has a finite decimal form that fits (`-100000000 ÷ -100000000`,
    /// `1 ÷ 1000000`), else `nil`: a contract value is never rounded.
    public static func exactQuotient(_ a: FixedDecimal, _ b: FixedDecimal) -> FixedDecimal? {
        guard b.mantissa != 0 else { return nil }
        // a/b = (ma / mb) × 10^(sb - sa); widen ma by 10^k until mb divides it.
        var numerator = Int128(a.mantissa)
        let denominator = Int128(b.mantissa)
        for k in 0 ... Int(maxScale) {
            if numerator % denominator == 0 {
                guard let m = Int64(exactly: numerator / denominator) else { return nil }
                return FixedDecimal(mantissa: m, scale: Int(a.scale) - Int(b.scale) + k)
            }
            numerator *= 10
        }
        return nil
    }
}
