import Foundation
import LiqtopCore
import LiqtopFeeds
import Logging
import Testing

/// The log file: where it lives, what a line looks like, that no control byte gets in, that
/// the level filters, and the health reports it turns into lines (reconnects once each).
@Suite struct LogFileTests {
    static func tempDir() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-log-\(UUID().uuidString)").path
    }

    @Test func theFileFollowsXDGStateHome() {
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/liqtop/liqtop.log")
        // The XDG spec ignores an empty or relative value.
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/liqtop/liqtop.log")
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.local/state/liqtop/liqtop.log")
        #expect(LogFile.defaultPath(environment: [:]) == nil)
    }

    @Test func aLineIsTimeLevelLabelMessageAndCleaned() {
        let line = FileLogHandler.line(time: 1_768_435_199_123, level: .warning, label: "liqtop.sources",
                                       message: "binance: \u{1B}[31mred\u{1B}[0m\nnext\u{202E}", metadata: ["b": "2", "a": "x\u{7}y"])
        #expect(line == "2026-01-14T23:59:59.123Z warning liqtop.sources: binance: [31mred[0m next a=xy b=2")
        #expect(!line.unicodeScalars.contains { SafeText.isUnsafe($0.value) })
    }

    @Test func theHandlerAppendsAtItsLevelAndAbove() throws {
        let path = Self.tempDir() + "/nested/liqtop.log"
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let file = try LogFile.open(path).get()
        var logger = Logger(label: "liqtop.test", factory: { FileLogHandler(label: $0, file: file, level: .notice) })
        logger.info("not this")
        logger.notice("this \u{1B}]0;title\u{7}")
        logger.error("and this", metadata: ["venue": "okx"])
        logger.logLevel = .error
        logger.warning("not this either")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasSuffix(" notice liqtop.test: this ]0;title") == true, "\(lines)")
        #expect(lines.last?.hasSuffix(" error liqtop.test: and this venue=okx") == true, "\(lines)")
        // Appended, never truncated: a second open adds to the same file.
        let again = try LogFile.open(path).get()
        again.append("third")
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 3)
        var st = stat()
        #expect(stat(path, &st) == 0 && st.st_mode & 0o777 == 0o600) // others cannot read what a session did
    }

    @Test func aPathThatCannotBeALogSaysWhy() throws {
        let dir = Self.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/liqtop.log", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard case .failure(let e) = LogFile.open(dir + "/liqtop.log") else { Issue.record("a directory opened as a log"); return }
        #expect(e.description.hasPrefix("cannot write the log \(dir)/liqtop.log: "), "\(e)")
    }

    @Test func aLargeLogIsRotatedOnceAtStart() throws {
        let dir = Self.tempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/liqtop.log"
        try Data(count: LogFile.rotateAtBytes + 1).write(to: URL(fileURLWithPath: path))
        let file = try LogFile.open(path).get()
        file.append("fresh")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "fresh\n")
        #expect(FileManager.default.fileExists(atPath: path + ".1"))
    }

    @Test func healthChangesBecomeOneLineEach() {
        let now: Millis = 1_768_435_199_000
        func line(_ h: SourceHealth, after p: SourceHealth?) -> String? {
            HealthLog.line(h, previous: p, now: now).map { "\($0.0.rawValue) \($0.1)" }
        }
        let connecting = SourceHealth(name: "binance", state: .connecting, marksGaps: true)
        let live = SourceHealth(name: "binance", state: .live, marksGaps: true)
        let down = SourceHealth(name: "binance", state: .reconnecting(at: now + 800), lastError: "connection closed by server: bye", marksGaps: true)
        #expect(line(connecting, after: nil) == "debug binance: connecting")
        #expect(line(live, after: connecting) == "info binance: live")
        #expect(line(live, after: live) == nil) // reported again each batch of a connection: logged once
        #expect(line(down, after: live) == "warning binance: reconnecting in 0.8 s (last error: connection closed by server: bye)")
        #expect(line(down, after: down) == nil)
        var liveAgain = live
        liveAgain.lastError = "connection closed by server: bye"
        #expect(line(liveAgain, after: down) == "info binance: live")
        #expect(line(SourceHealth(name: "record", state: .failing("disk full")), after: nil) == "error record: failing: disk full")
        #expect(line(SourceHealth(name: "binance", state: .stopped("stopped")), after: live) == "info binance: stopped")
        #expect(line(SourceHealth(name: "a.ndjson", state: .waiting("no such file yet")), after: nil) == "notice a.ndjson: waiting: no such file yet")
    }
}
