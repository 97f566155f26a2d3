import LiqtopCore

/// 2026-01-14T00:00:00Z, the day the format fixtures are read on.
public let fixtureNow: Millis = 1_768_348_800_000

/// What the importers make of `text` (lines of any mix of formats), read on `now`.
public func decode(_ text: String, now: Millis = fixtureNow, receivedAt: Millis? = nil,
                   instruments: InstrumentBook = InstrumentBook()) -> DecodeOutput {
    InputDecoder.decodeAll(text, source: "t", context: DecodeContext(now: now, receivedAt: receivedAt, instruments: instruments))
}

/// The liquidations decoded, whether kept as events or packed as order columns.
public func liquidations(_ out: DecodeOutput) -> [Liquidation] {
    out.events.compactMap { if case .liquidation(let l) = $0 { l } else { nil } }
        + (0 ..< out.orders.count).map { out.orders.liquidation(at: $0) }
}
