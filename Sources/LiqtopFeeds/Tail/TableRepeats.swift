import LiqtopCore

/// What a watched table already handed on, so that reading it again whole after a save delivers
/// only the rows that are new or changed: the store would not double a repeated row (a fund/day
/// or a rate replaces its old value, an identical note is kept once), but the recorder would
/// write it again and `--print` would print it again.
///
/// A row is held back only when the read just before this one delivered it or held it back too,
/// so the store holds it now: a value corrected and later corrected back (A, B, A) is delivered
/// again, and the store ends with what the file says (for each fund/day, rate or note it holds once).
struct TableRepeats {
    /// The events of the read before this one (all of them are what the store holds for them).
    private var previous = Set<Event>()
    /// The events of the read in progress.
    private var current = Set<Event>()
    /// Rejections already reported (source, line, reason): a bad row is reported once, not per save.
    private var reported = Set<Rejection>()
    private static let maxReported = 10_000

    /// Drops from `batch` the rows that the read before delivered already.
    mutating func filter(_ batch: inout PendingBatch) {
        var kept: [Event] = []
        for e in batch.output.events {
            current.insert(e)
            if !previous.contains(e) { kept.append(e) }
        }
        batch.output.events = kept
        batch.output.removeRejections { r in
            if reported.contains(r) { return true }
            if reported.count < Self.maxReported { reported.insert(r) }
            return false
        }
    }

    /// The table is read again from its start. (A read cut short is as good as a whole one:
    /// whatever it saw is what the store holds now; what it did not see is simply delivered again.)
    mutating func startOver() {
        previous = current
        current = []
    }
}
