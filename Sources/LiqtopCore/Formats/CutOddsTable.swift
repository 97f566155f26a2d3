/// Market-implied odds of each target range after a Fed meeting (FedWatch-style), from a file:
/// `meeting_date,target_range,probability`, e.g. `2026-01-28,3.50-3.75,95.0`.
struct CutOddsTable {
    /// Odds are quoted about two years ahead; a meeting more than five years out is a typo.
    static let maxLead: Millis = 5 * 366 * Duration.day

    init?(header: [String]) {
        guard header.count == 3, TableCell.named(header[0], "meeting_date"),
              TableCell.named(header[1], "target_range"), TableCell.named(header[2], "probability") else { return nil }
    }

    func decode(fields: [String], context: DecodeContext, into out: inout LineResults) throws(InputError) {
        guard fields.count == 3 else { throw InputError("expected 3 fields, found \(fields.count)") }
        guard let meeting = Day(iso: fields[0]) else { throw InputError("not a date: \(TableCell.quoted(fields[0]))") }
        // Meetings lie ahead, so the usual "no future timestamps" check does not apply.
        guard meeting.start >= DecodeContext.earliestValidTime, meeting.start <= context.now + Self.maxLead else {
            throw InputError("meeting date out of range: \(meeting)")
        }
        let range = fields[1]
        guard Self.isTargetRange(range) else { throw InputError("bad target range \(TableCell.quoted(range))") }
        let percent = try Self.parseProbability(fields[2])
        out.events.append(.cutOdds(CutOdds(meeting: meeting, targetRange: range, probabilityPercent: percent)))
    }

    /// `3.50-3.75`: two non-negative decimals, lower first, at most 20 characters.
    static func isTargetRange(_ s: String) -> Bool {
        guard s.utf8.count <= 20 else { return false }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        var bounds: [FixedDecimal] = []
        for p in parts {
            guard let f = p.first, let l = p.last, f.isASCIIDigit, l.isASCIIDigit,
                  p.allSatisfy({ $0.isASCIIDigit || $0 == "." }), p.filter({ $0 == "." }).count <= 1,
                  let v = try? FixedDecimal.parse(p) else { return false }
            bounds.append(v)
        }
        return bounds[0] <= bounds[1]
    }

    /// `95.0` or `95%` (percent), or `0.95` (a fraction, when at most 1 and no `%`) → percent in 0...100.
    static func parseProbability(_ text: String) throws(InputError) -> FixedDecimal {
        var s = Substring(text)
        let explicitPercent = s.hasSuffix("%")
        if explicitPercent { s = s.dropLast().trimmingASCIISpaces() }
        let value: FixedDecimal
        do throws(InputError) {
            value = try FixedDecimal.parse(s)
        } catch {
            throw InputError("bad probability \(TableCell.quoted(text)) (\(error.reason))")
        }
        var percent = value
        if !explicitPercent && value <= FixedDecimal(1) {
            guard let p = FixedDecimal(mantissa: value.mantissa, scale: Int(value.scale) - 2) else {
                throw InputError("bad probability \(TableCell.quoted(text))")
            }
            percent = p
        }
        guard percent >= .zero, percent <= FixedDecimal(100) else {
            throw InputError("probability outside 0...100%: \(TableCell.quoted(text))")
        }
        return percent
    }
}
