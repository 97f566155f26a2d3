import LiqtopCore
import LiqtopFeeds

/// Every text the command line writes goes through here, so data (notes, sources, file names,
/// rejection reasons, venue replies, argument text echoed in an error) passes the one
/// `SafeText` policy before it reaches a terminal: no escape sequence, no bidi reordering.
enum Terminal {
    /// One line on stderr.
    static func standardError(_ line: String) {
        writeAll(2, SafeText.clean(line) + "\n")
    }

    /// Text for stdout, line breaks kept; each line cleaned.
    static func standardOutput(_ text: String) {
        writeAll(1, SafeText.cleanLines(text))
    }

    /// Writes every byte, continuing after partial writes and EINTR. Returns false when the
    /// reader has gone (EPIPE) or the descriptor fails.
    @discardableResult
    static func writeAll(_ fd: Int32, _ text: String) -> Bool {
        WriteAll.write(fd, Array(text.utf8)) == nil
    }
}
