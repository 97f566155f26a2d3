import LiqtopCore

/// The `tail -F` loop for one path: open (or wait for) the file, notice rotation and
/// truncation, read what was appended, sleep when there is nothing new.
struct FileTail {
    let path: String
    let name: String
    let fromStart: Bool
    let context: DecodeContext
    let keepRaw: Bool
    let pollInterval: Swift.Duration

    /// A rotated-away file is still read until it has been quiet this long: a writer may not
    /// have reopened yet, or may be finishing its last line.
    static let retireAfterQuiet: Swift.Duration = .seconds(1)

    static let missingText = "file does not exist yet"
    static let goneText = "file was moved or deleted; waiting for it to return"

    /// A rotated-away file being read to its end.
    private struct Retiring {
        var follower: FileFollower
        var quietSince: ContinuousClock.Instant
    }

    func run(_ sink: FeedSink) async {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: TailSource.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        let clock = DecodeClock(base: context.now)
        var health = TailHealth(name: name, sink: sink)
        var current: FileFollower?
        var retiring: Retiring?
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
                    // Rotated: everything the old file holds comes before the new file's lines.
                    await drain(follower, into: buffer, clock: clock, sink: sink)
                    if let old = retiring { await retire(old.follower, clock: clock, sink: sink) }
                    retiring = Retiring(follower: follower, quietSince: .now)
                    current = nil
                    continue // open the new file at once
                case .success:
                    break
                case .failure(let error):
                    // Keep reading the old descriptor: a writer may still be appending to it.
                    state = .waiting(error.missing ? Self.goneText : "cannot check the path: \(error.reason)")
                }
                let truncated = follower.restartIfTruncated()
                var readError: String?
                switch follower.readChunk(into: buffer, now: clock.now(), batch: &batch) {
                case .data(let n): busy = n == buffer.count
                case .endOfFile: break
                case .failed(let reason): readError = reason; state = .waiting("read error: \(reason)")
                }
                await health.set(state, error: readError ?? (truncated ? "truncated" : nil))
            }

            if var old = retiring {
                switch old.follower.readChunk(into: buffer, now: clock.now(), batch: &batch) {
                case .data(let n):
                    old.quietSince = .now
                    busy = busy || n == buffer.count
                    retiring = old
                case .endOfFile where ContinuousClock.now - old.quietSince < Self.retireAfterQuiet:
                    break
                case .endOfFile, .failed:
                    old.follower.finish(now: clock.now(), into: &batch)
                    retiring = nil
                }
            }

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
