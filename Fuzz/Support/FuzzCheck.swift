/// Invariants every fuzz target checks on each input; a violation traps so libFuzzer saves the input.
///
/// Compiled into each target together with the LiqtopCore sources (one module), so internal
/// API is reachable without `@testable`.
enum FuzzCheck {
    // A receive time, as on a live connection: BitMEX lines are dated by it.
    static let context = DecodeContext(now: 1_768_435_200_000, receivedAt: 1_768_435_199_000) // 2026-01-15T00:00Z

    /// Decodes `header` (a CSV header line, so the fuzzer spends its time on rows) followed by
    /// `input`, and checks: every non-blank line is counted and ends as at least one event,
    /// rejection or ignore; the whole-file decode equals the line-by-line one; reasons are
    /// short and clean; events are plausible and survive a native NDJSON round trip.
    static func run(header: String?, _ input: UnsafeBufferPointer<UInt8>) {
        var bytes: [UInt8] = []
        if let header { bytes += Array(header.utf8); bytes.append(0x0A) }
        bytes += input
        bytes.withUnsafeBufferPointer { check($0) }
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) {
        let whole = InputDecoder.decodeAll(bytes, source: "fuzz", context: context)

        // The same lines, one output per line, through one decoder (the format is chosen once).
        var decoder = InputDecoder(source: "fuzz", context: context)
        var splitter = LineSplitter()
        var joined = DecodeOutput()
        var nonBlank = 0
        let perLine: (LineSplitter.Line) -> Void = { line in
            var out = DecodeOutput()
            decoder.consume(line, into: &out)
            if case .text(let b, _) = line, InputDecoder.isBlank(b) {
                require(out.lines == 0 && out.events.isEmpty && out.rejections.isEmpty && out.ignored == 0, "blank line counted")
                return
            }
            nonBlank += 1
            require(out.lines == 1, "line not counted once")
            require(!out.events.isEmpty || !out.rejections.isEmpty || out.ignored == 1, "line left unaccounted")
            require(out.ignored == 0 || (out.events.isEmpty && out.rejections.isEmpty), "ignored line with results")
            joined.append(out)
        }
        splitter.push(bytes, perLine)
        splitter.finish(perLine)
        require(whole.lines == nonBlank, "line count", "\(whole.lines) vs \(nonBlank)")
        require(whole.events == joined.events, "whole-file events differ from line-by-line")
        require(whole.rejections == joined.rejections && whole.ignored == joined.ignored, "whole-file outcome differs")

        for r in whole.rejections {
            require(r.line > 0 && r.source == "fuzz", "rejection without its line")
            require(isCleanReason(r.reason), "unclean rejection reason", "\(r.reason.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())")
        }
        for e in whole.events { checkEvent(e) }
    }

    static func checkEvent(_ e: Event) {
        if case .liquidation(let l) = e {
            require(l.usd.micros > 0 && l.usd <= LiquidationCheck.maxOrderUSD, "liquidation notional out of range")
            require(l.price.isPositive && l.quantity.isPositive, "non-positive price or quantity")
            require((try? LiquidationCheck.instrumentName(l.instrument)) != nil, "bad instrument name")
            require(l.time >= DecodeContext.earliestValidTime && l.time <= context.now + DecodeContext.maxFutureSkew, "time")
        }
        // What liqtop records it must read back identically: encode as native NDJSON, decode.
        let line = NativeFormat.encode(e)
        let back = InputDecoder.decodeAll(line, source: "roundtrip", context: context)
        require(back.events == [e] && back.rejections.isEmpty, "native round trip lost an event",
                "\(e)\n  encoded: \(line)\n  decoded: \(back.events) \(back.rejections)")
    }

    /// Non-empty, bounded, and without C0, DEL, C1 or bidi controls.
    static func isCleanReason(_ reason: String) -> Bool {
        guard !reason.isEmpty, reason.utf8.count <= 300 else { return false }
        return !reason.unicodeScalars.contains { s in
            let v = s.value
            return v < 0x20 || (v >= 0x7F && v <= 0x9F) || (0x202A ... 0x202E).contains(v) || (0x2066 ... 0x2069).contains(v)
        }
    }

    static func require(_ ok: Bool, _ what: StaticString, _ detail: @autoclosure () -> String = "") {
        if !ok { fatalError("invariant violated: \(what)\n  \(detail())") }
    }
}
