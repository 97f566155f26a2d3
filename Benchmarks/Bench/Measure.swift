#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock samples in milliseconds (timings only: no money here, so Double is fine).
struct Samples {
    private(set) var values: [Double] = []

    mutating func add(_ ms: Double) { values.append(ms) }

    var count: Int { values.count }
    var median: Double { percentile(50) }
    var max: Double { values.max() ?? 0 }
    var min: Double { values.min() ?? 0 }

    /// Nearest-rank percentile; the median of an even count is the mean of the middle two.
    func percentile(_ p: Double) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return 0 }
        if p == 50 {
            let m = s.count / 2
            return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
        }
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return s[Swift.max(0, Swift.min(s.count - 1, rank - 1))]
    }
}

enum Clock {
    static func now() -> ContinuousClock.Instant { ContinuousClock.now }

    static func ms(since start: ContinuousClock.Instant) -> Double {
        let (s, atto) = (ContinuousClock.now - start).components
        return Double(s) * 1000 + Double(atto) / 1e15
    }

    /// CPU time of the whole process in ms (all threads: the store's actor runs on a pool thread).
    /// Unlike wall time it does not grow while other processes hold the cores.
    static func cpuMs() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }
}

/// `VmRSS` / `VmHWM` of this process in KiB, from /proc/self/status (0 where there is no /proc).
enum Memory {
    static func statusKiB(_ field: String) -> Int {
        guard let f = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(f) }
        var line: UnsafeMutablePointer<CChar>?
        var cap = 0
        defer { free(line) }
        while getline(&line, &cap, f) > 0 {
            guard let line else { break }
            let s = String(cString: line)
            if s.hasPrefix(field + ":") {
                return Int(s.dropFirst(field.count + 1).filter { $0.isNumber }) ?? 0
            }
        }
        return 0
    }
}

/// Keeps results alive so the optimizer cannot drop the work that made them.
nonisolated(unsafe) var sink = 0

func mib(_ kib: Int) -> String { fixed(Double(kib) / 1024, 1) }

/// `x` with `digits` decimals, without Foundation.
func fixed(_ x: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let v = (abs(x) * scale).rounded()
    let whole = Int(v / scale)
    let frac = Int(v - Double(whole) * scale)
    var f = String(frac)
    while f.count < digits { f = "0" + f }
    return (x < 0 && v != 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + f : "")
}
