import Foundation
import Testing
import LiqtopCore
@testable import LiqtopFeeds

/// Files rewritten the ways they really are: in place and larger
/// (`cat new > f`, `cp`, `curl -o`), `copytruncate`, logrotate `create` with a writer that goes
/// quiet before it reopens, and a watched table re-read whole.
@Suite struct TailRewriteTests {
    typealias T = TailSourceTests

    static func lines(_ range: Range<Int>) -> String { range.map(T.line).joined(separator: "\n") + "\n" }

    /// Replaces the contents of `path` in place, like `cat new > f`: same inode, truncated, rewritten.
    static func rewriteInPlace(_ path: String, _ text: String) {
        let fd = open(path, O_WRONLY | O_TRUNC)
        defer { close(fd) }
        T.writeAll(fd, Array(text.utf8))
    }

    /// The events, in order, with lost and doubled ones counted rather than listed.
    static func expectExactly(_ got: [Event], _ want: [Event], sourceLocation: SourceLocation = #_sourceLocation) {
        let g = got.map(NativeFormat.encode), w = want.map(NativeFormat.encode)
        let lost = Set(w).subtracting(g).count
        let doubled = g.count - Set(g).count + Set(g).subtracting(w).count
        #expect(lost == 0, "\(lost) of \(w.count) lost", sourceLocation: sourceLocation)
        #expect(doubled == 0, "\(doubled) doubled", sourceLocation: sourceLocation)
        let outOfOrder = zip(g, w).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(outOfOrder == nil, "out of order from event \(outOfOrder ?? 0)", sourceLocation: sourceLocation)
    }

    /// Item 3: a file truncated and rewritten with more than it held, between two polls, is read
    /// again from its start. (It was read on from the old offset: the new file's first lines were
    /// skipped and the line the old offset fell in was rejected as torn.)
    @Test func aFileRewrittenInPlaceLargerIsReadFromItsStart() async {
        let path = T.tempPath("table.ndjson")
        defer { T.removeDir(of: path) }
        T.append(Self.lines(0 ..< 100), to: path)
        let collector = TailCollector()
        let task = Task {
            await TailSource(path: path, fromStart: true, context: T.context, pollInterval: .milliseconds(200)).run(collector.sink)
        }
        defer { task.cancel() }
        #expect(await T.eventually { collector.eventCount == 100 })

        Self.rewriteInPlace(path, Self.lines(1000 ..< 1300)) // three times as large, all new lines
        #expect(await T.eventually { collector.eventCount >= 400 || !collector.snapshot.rejections.isEmpty })
        try? await Task.sleep(for: .milliseconds(500)) // a doubled line would show by now
        let got = collector.snapshot
        #expect(got.rejections.isEmpty, "\(got.rejections.prefix(2))")
        Self.expectExactly(got.events, (0 ..< 100).map(T.liquidation) + (1000 ..< 1300).map(T.liquidation))
    }

    /// A rewrite that lands between the tail's check and its read: the bytes read at the old
    /// offset belong to the new version, so they are put back rather than parsed as a torn line,
    /// and the next check starts the file over.
    @Test func aRewriteBetweenTheCheckAndTheReadIsPutBack() throws {
        let path = T.tempPath("race.ndjson")
        defer { T.removeDir(of: path) }
        T.append(Self.lines(0 ..< 10), to: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        let follower = try FileFollower(path: path, atEnd: false, context: T.context, keepRaw: false, scratch: buffer)
        var batch = PendingBatch()
        guard case .data = follower.readChunk(into: buffer, now: T.context.now, batch: &batch) else { Issue.record("no data"); return }
        #expect(batch.output.events == (0 ..< 10).map(T.liquidation))

        #expect(follower.restartIfRewritten(scratch: buffer, now: T.context.now, into: &batch) == nil) // checked: unchanged
        Self.rewriteInPlace(path, Self.lines(100 ..< 130))                                          // then rewritten
        batch = PendingBatch()
        guard case .endOfFile = follower.readChunk(into: buffer, now: T.context.now, batch: &batch) else {
            Issue.record("read on at the old offset into the new version"); return
        }
        #expect(batch.isEmpty)
        #expect(follower.restartIfRewritten(scratch: buffer, now: T.context.now, into: &batch) == "rewritten in place")
        _ = follower.readChunk(into: buffer, now: T.context.now, batch: &batch)
        #expect(batch.output.rejections.isEmpty)
        #expect(batch.output.events == (100 ..< 130).map(T.liquidation))
    }

    /// Item 9: logrotate `create` while the writer has not reopened yet and stays quiet for longer
    /// than a second: what it then appends to the rotated file is still read, before and after the
    /// new file has lines of its own. (The rotated file was dropped after 1 s of quiet.)
    @Test func aRotatedFileIsReadHoweverLongItsWriterIsQuietBeforeReopening() async {
        let path = T.tempPath("create.ndjson")
        defer { T.removeDir(of: path) }
        let old = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        defer { close(old) }
        let collector = TailCollector()
        let task = Task { await TailSource(path: path, context: T.context, pollInterval: .milliseconds(10)).run(collector.sink) }
        defer { task.cancel() }
        #expect(await T.eventually { T.isLive(collector) })

        T.writeAll(old, Array(Self.lines(0 ..< 1).utf8))
        #expect(await T.eventually { collector.eventCount == 1 })
        rename(path, path + ".1")
        T.append("", to: path) // `create`: a new empty file at once
        // Quiet for well over the old 1 s limit, measured by the tail's own progress: it has
        // seen the new file (the rotation) and then polled for longer than that.
        try? await Task.sleep(for: FileTail.retireAfterQuiet * 2 + .milliseconds(500))
        T.writeAll(old, Array(Self.lines(1 ..< 3).utf8))
        #expect(await T.eventually(.seconds(20)) { collector.eventCount == 3 })
        // The writer reopens (logrotate's postrotate HUP) and writes to the new file; a last
        // straggler into the old one is still read.
        T.append(Self.lines(3 ..< 4), to: path)
        #expect(await T.eventually { collector.eventCount == 4 })
        T.writeAll(old, Array(Self.lines(4 ..< 5).utf8))
        #expect(await T.eventually(.seconds(20)) { collector.eventCount == 5 })
        let got = collector.snapshot
        #expect(got.events.count == 5)
        #expect(Set(got.events.map(NativeFormat.encode)) == Set((0 ..< 5).map(T.line)))
        #expect(got.rejections.isEmpty)
    }

    /// Item 9: `copytruncate` copies the file beside it, then truncates it; the writer goes on at
    /// the new start. What was appended after the tail's last read is in the copy and is read
    /// from there, then the truncated file from its start: nothing lost, nothing doubled.
    /// (The lines between the last poll and the truncation were lost.)
    @Test func copytruncateReadsWhatTheCopyHoldsPastTheLastRead() async {
        let path = T.tempPath("copy.log")
        defer { T.removeDir(of: path) }
        let writer = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        defer { close(writer) }
        let collector = TailCollector()
        let task = Task { await TailSource(path: path, context: T.context, pollInterval: .milliseconds(300)).run(collector.sink) }
        defer { task.cancel() }
        #expect(await T.eventually { T.isLive(collector) })

        T.writeAll(writer, Array(Self.lines(0 ..< 100).utf8))
        #expect(await T.eventually { collector.eventCount == 100 })
        // Right after a read (so most likely all before the next poll): more lines, then the
        // rotation, then the writer carries on in the truncated file, with fewer bytes than before.
        T.writeAll(writer, Array(Self.lines(100 ..< 200).utf8))
        copyFile(path, to: path + ".1")
        ftruncate(writer, 0)
        T.writeAll(writer, Array(Self.lines(200 ..< 250).utf8))
        #expect(await T.eventually { collector.eventCount >= 250 })
        try? await Task.sleep(for: .milliseconds(700))
        let got = collector.snapshot
        #expect(got.rejections.isEmpty, "\(got.rejections.prefix(2))")
        Self.expectExactly(got.events, (0 ..< 250).map(T.liquidation))
    }

    /// The same when the truncated file has regrown past the old size before the tail looks:
    /// the size alone no longer shows the truncation, the bytes do.
    @Test func copytruncateIsNoticedAfterTheFileRegrewPastTheOldSize() async {
        let path = T.tempPath("regrow.log")
        defer { T.removeDir(of: path) }
        let writer = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        defer { close(writer) }
        let collector = TailCollector()
        let task = Task { await TailSource(path: path, context: T.context, pollInterval: .milliseconds(300)).run(collector.sink) }
        defer { task.cancel() }
        #expect(await T.eventually { T.isLive(collector) })

        T.writeAll(writer, Array(Self.lines(0 ..< 100).utf8))
        #expect(await T.eventually { collector.eventCount == 100 })
        T.writeAll(writer, Array(Self.lines(100 ..< 150).utf8))
        copyFile(path, to: path + ".1")
        ftruncate(writer, 0)
        T.writeAll(writer, Array(Self.lines(150 ..< 400).utf8))
        #expect(await T.eventually { collector.eventCount >= 400 || !collector.snapshot.rejections.isEmpty })
        try? await Task.sleep(for: .milliseconds(700))
        let got = collector.snapshot
        #expect(got.rejections.isEmpty, "\(got.rejections.prefix(2))")
        Self.expectExactly(got.events, (0 ..< 400).map(T.liquidation))
    }

    /// A watched table (`--notes`, `--etf`, `--rates`) is re-read whole whenever it changed, even
    /// when the new version starts with the same bytes, is as long as before where it was read,
    /// and differs only in the middle (a corrected value); its last row counts without a newline.
    /// Only new and changed rows are handed on again (the recorder must not write a table twice),
    /// and a value corrected back is handed on again.
    @Test func aWatchedTableIsReadWholeAgainWhenItChanges() async {
        let path = T.tempPath("notes.csv")
        defer { T.removeDir(of: path) }
        func table(_ middle: String, _ extra: String = "") -> String {
            "time,source,text\n2026-01-13T13:30:00Z,BLS,CPI as expected\n2026-01-14T13:30:00Z,BLS,\(middle)\n"
                + "2026-01-15T19:00:00Z,FOMC,minutes out later today\n" + extra
        }
        T.append(table("PPI 0.2% above"), to: path)
        let collector = TailCollector()
        let task = Task { await TailSource(path: path, fromStart: true, table: true, context: T.context,
                                           pollInterval: .milliseconds(10)).run(collector.sink) }
        defer { task.cancel() }
        func texts() -> [String] {
            collector.snapshot.events.compactMap { if case .note(let n) = $0 { n.text } else { nil } }
        }
        #expect(await T.eventually { texts().count == 3 })

        // Saved again: same length where it was read, one value corrected, one row more, no final newline.
        Self.rewriteInPlace(path, table("PPI 0.3% above", "2026-01-16T15:00:00Z,UMich,sentiment up"))
        #expect(await T.eventually { texts().count == 5 })
        #expect(texts().suffix(2) == ["PPI 0.3% above", "sentiment up"])
        // One value corrected again (and the last row ended).
        Self.rewriteInPlace(path, table("PPI 0.4% above", "2026-01-16T15:00:00Z,UMich,sentiment up\n"))
        #expect(await T.eventually { texts().count == 6 })
        // Corrected back, at the same size: only the modification time says so (a few clock ticks
        // later). Handed on again, so the store ends with what the file says.
        try? await Task.sleep(for: .milliseconds(50))
        Self.rewriteInPlace(path, table("PPI 0.3% above", "2026-01-16T15:00:00Z,UMich,sentiment up\n"))
        #expect(await T.eventually { texts().count == 7 })
        try? await Task.sleep(for: .milliseconds(300)) // a row handed on twice would show by now
        #expect(texts() == ["CPI as expected", "PPI 0.2% above", "minutes out later today", "PPI 0.3% above",
                            "sentiment up", "PPI 0.4% above", "PPI 0.3% above"])
        #expect(collector.snapshot.rejections.isEmpty)
    }
}

/// `cp SRC DST` in one read and one write (the copy logrotate's `copytruncate` makes).
func copyFile(_ source: String, to destination: String) {
    let bytes = FileManager.default.contents(atPath: source) ?? Data()
    let fd = open(destination, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    defer { close(fd) }
    bytes.withUnsafeBytes { TailSourceTests.writeAll(fd, $0) }
}
