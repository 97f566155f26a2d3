import CompressNIO
import NIOCore

/// HTX sends every message as a gzip-compressed binary frame; this inflates one into its text.
/// Bounded: a small frame that inflates past the message limit is refused, not buffered.
enum GzipFrame {
    enum Problem: Error, Equatable {
        case corrupt
        case tooLarge(limit: Int)
        case invalidUTF8

        var words: String {
            switch self {
            case .corrupt: "binary frame is not valid gzip"
            case .tooLarge(let limit): "gzip frame inflates past the \(FrameFault.size(limit)) message limit"
            case .invalidUTF8: "invalid UTF-8 in a gzip frame"
            }
        }
    }

    static func text(_ frame: ByteBuffer, maxBytes: Int) -> Result<String, Problem> {
        var input = frame
        let inflated: ByteBuffer
        do {
            // One byte over the limit tells "too large" from "exactly at the limit".
            inflated = try input.decompress(with: .gzip(), maxSize: maxBytes + 1)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            return .failure(.tooLarge(limit: maxBytes))
        } catch {
            return .failure(.corrupt)
        }
        // zlib reports a stream cut short as no output rather than as an error.
        guard inflated.readableBytes > 0 else { return .failure(.corrupt) }
        guard inflated.readableBytes <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        guard let text = String(validating: inflated.readableBytesView, as: UTF8.self) else { return .failure(.invalidUTF8) }
        return .success(text)
    }
}
