import LiqtopCore

/// The `tail -F` loop for one path: open (or wait for) the file, notice rotation, truncation and
/// rewrites, read what was appended, sleep when there is nothing new.
struct FileTail {
    let path: String
    let name: String
    let fromStart: Bool
    /// A watched table: read whole again whenever it changed, instead of followed as a log.
    let table: Bool
    let context: DecodeContext
    let keepRaw: Bool
    let pollInterval: Swift.Duration

    /// How long a rotated-away file must have been quiet, after a newer file got lines, before
    /// it is left; and how long a table must be unchanged before its last row counts without a newline.
    static let retireAfterQuiet: Swift.Duration = .seconds(1)
    /// Rotated-away files still being read at most (each holds a descriptor); the oldest is left first.
    static let maxRetiring = 4

    static let missingText = "file does not exist yet"
    static let goneText = "file was moved or deleted; waiting for it to return"

    /// A rotated-away file being read while its writer may still append to it.
    ///
    /// The rule: it is read until (1) a newer file at the path has had lines written to it (the
    /// writer reopened), (2) it has been quiet for `retireAfterQuiet` since then and since its own
    /// last data, and (3) a read finds its end. However long the writer was quiet before
    /// reopening, nothing it appended to the old file is lost.
    private struct Retiring {
        var follower: FileFollower
        var quietSince: ContinuousClock.Instant
        var successorHasData = false
    }

    func run(_ sink: FeedSink) async {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: TailSource.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        let clock = DecodeClock(base: context.now)
        var health = TailHealth(name: name, sink: sink)
        var current: FileFollower?
        var retiring: [Retiring] = []
        var repeats = TableRepeats()
        var firstOpen = true

        while !Task.isCancelled {
            var batch = PendingBatch()
            var busy = false // a full chunk was read: more is probably waiting, do not sleep

            if current == nil {
                do {
                    // Only a file that was there at the start is tailed from its end; one that
                    // appears (or reappears) later is new, so all of it is read.
                    current = try FileFollower(path: path, atEnd: firstOpen && !fromStart, context: context,
                                               keepRaw: keepRaw, scratch: buffer)
                    await health.set(.live)
                } catch {
                    await health.set(.waiting(error.missing ? Self.missingText : "cannot open: \(error.reason)"),
                                     error: error.missing ? nil : error.reason)
                }
                firstOpen = false
            }

            if let follower = current {
                // The state this poll ends in; only a change is reported.
                var state = SourceHealth.State.live
                switch FileIdentity.of(path: path) {
                case .success(let identity) where identity != follower.identity:
                    current = nil
                    // A table replaced by another file (saved by rename): the new file is all of it.
                    if table { repeats.startOver(); continue }
                    // Rotated: everything the old file holds comes before the new file's lines.
                    await drain(follower, into: buffer, clock: clock, sink: sink)
                    retiring.append(Retiring(follower: follower, quietSince: .now))
                    if retiring.count > Self.maxRetiring {
                        await retire(retiring.removeFirst().follower, clock: clock, sink: sink)
                    }
                    continue // open the new file at once
                case .success:
                    break
                case .failure(let error):
                    // Keep reading the old descriptor: a writer may still be appending to it.
                    state = .waiting(error.missing ? Self.goneText : "cannot check the path: \(error.reason)")
                }
                var restarted: String?
                if !table {
                    restarted = follower.restartIfRewritten(scratch: buffer, now: clock.now(), into: &batch)
                } else if follower.restartIfChanged() {
                    repeats.startOver()
                }
                var readError: String?
                switch follower.readChunk(into: buffer, now: clock.now(), batch: &batch) {
                case .data(let n):
                    busy = n == buffer.count
                    for i in retiring.indices where !retiring[i].successorHasData {
                        retiring[i].successorHasData = true
                        retiring[i].quietSince = .now
                    }
                case .endOfFile:
                    if table { follower.finishIfSettled(quiet: Self.retireAfterQuiet, now: clock.now(), into: &batch) }
                case .failed(let reason): readError = reason; state = .waiting("read error: \(reason)")
                }
                if table { repeats.filter(&batch) }
                await health.set(state, error: readError ?? restarted)
            }

            var kept: [Retiring] = []
            for var old in retiring {
                switch old.follower.readChunk(into: buffer, now: clock.now(), batch: &batch) {
                case .data(let n):
                    old.quietSince = .now
                    busy = busy || n == buffer.count
                    kept.append(old)
                case .endOfFile where !old.successorHasData || ContinuousClock.now - old.quietSince < Self.retireAfterQuiet:
                    kept.append(old)
                case .endOfFile, .failed:
                    old.follower.finish(now: clock.now(), into: &batch)
                }
            }
            retiring = kept

            await sink.deliver(batch, from: name)
            if !busy {
                do { try await Task.sleep(for: pollInterval) } catch { return }
            }
        }
    }

    /// Reads `follower` to its current end, one chunk per batch.
    private func drain(_ follower: FileFollower, into buffer: UnsafeMutableRawBufferPointer,
                       clock: DecodeClock, sink: FeedSink) async {
        while !Task.isCancelled {
            var batch = PendingBatch()
            let result = follower.readChunk(into: buffer, now: clock.now(), batch: &batch)
            await sink.deliver(batch, from: name)
            guard case .data = result else { return }
        }
    }

    /// Leaves a rotated-away file for good: its last line counts even without a newline.
    private func retire(_ follower: FileFollower, clock: DecodeClock, sink: FeedSink) async {
        var batch = PendingBatch()
        follower.finish(now: clock.now(), into: &batch)
        await sink.deliver(batch, from: name)
    }
}
