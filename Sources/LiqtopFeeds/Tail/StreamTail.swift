#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LiqtopCore

/// Reads a stream (stdin, a pipe) as data arrives, until it ends.
struct StreamTail {
    let fd: Int32
    let name: String
    let context: DecodeContext
    let keepRaw: Bool
    let pollInterval: Swift.Duration

    /// After a short read, wait this long before the next one so a trickle of small writes
    /// (a socket relay writing line by line) is gathered into batches. Short enough that a
    /// 64 KiB pipe never fills up at thousands of lines a second.
    private var gatherDelay: Swift.Duration { min(pollInterval, .milliseconds(25)) }

    func run(_ sink: FeedSink) async {
        var health = TailHealth(name: name, sink: sink)
        guard let waiter = ReadableWaiter() else {
            await health.set(.stopped("cannot create a pipe to wait on input"), error: "pipe() failed")
            return
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: TailSource.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        let clock = DecodeClock(base: context.now)
        var feed = LineFeed(source: name, context: context, keepRaw: keepRaw)
        await health.set(.live)

        while !Task.isCancelled {
            await waiter.wait(for: fd)
            if Task.isCancelled { return }
            var batch = PendingBatch()
            var total = 0
            var ended: (reason: String, error: String?)?
            // Everything that is there now, up to one chunk's worth, becomes one batch.
            repeat {
                let n = read(fd, buffer.baseAddress, buffer.count)
                if n > 0 {
                    total += n
                    feed.push(UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: n),
                              now: clock.now(), into: &batch)
                } else if n == 0 {
                    ended = ("end of input", nil)
                } else if errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK {
                    let reason = String(cString: strerror(errno))
                    ended = ("read error: \(reason)", reason)
                }
            } while ended == nil && total < TailSource.chunkSize && ReadableWaiter.readableNow(fd)

            if let ended {
                // The stream is over: a last line without a newline is a line.
                feed.finish(now: clock.now(), into: &batch)
                await sink.deliver(batch, from: name)
                await health.set(.stopped(ended.reason), error: ended.error)
                return
            }
            await sink.deliver(batch, from: name)
            if total < TailSource.chunkSize {
                do { try await Task.sleep(for: gatherDelay) } catch { return }
            }
        }
    }
}
