@testable import LiqtopTUI
import Testing

/// The constraint layout against a naive oracle: parts are consecutive, never overlap, cover the
/// whole when a part can grow, and each keeps its constraint when the room allows.
@Suite struct LayoutTests {
    @Test func examples() {
        let r = Rect(x: 2, y: 1, width: 80, height: 24)
        #expect(r.split(.horizontal, [.fixed(8), .fill(1), .fixed(10)]).map(\.width) == [8, 62, 10])
        #expect(r.split(.horizontal, [.fill(1), .fill(1), .fill(2)]).map(\.width) == [20, 20, 40])
        #expect(r.split(.horizontal, [.fill(1), .fill(1), .fill(1)]).map(\.width) == [28, 26, 26])
        #expect(r.split(.vertical, [.fixed(1), .min(9), .fixed(1)]).map(\.height) == [1, 22, 1])
        #expect(r.split(.horizontal, [.fixed(50), .fixed(50)]).map(\.width) == [50, 30], "cut from the last part")
        #expect(r.split(.horizontal, [.fixed(8), .fill(1)]).map(\.x) == [2, 10])
        // Minimums first, the rest 11:9 (the wide dashboard's ETF over macro).
        #expect(r.split(.vertical, [.min(8, weight: 11), .min(5, weight: 9)]).map(\.height) == [15, 9])
        #expect(Rect(x: 0, y: 0, width: 1, height: 10).split(.vertical, [.min(8, weight: 11), .min(5, weight: 9)]).map(\.height) == [8, 2])
    }

    @Test func partsTileTheWhole() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0 ..< 2000 {
            let total = Int.random(in: 0 ... 300, using: &rng)
            let parts: [Constraint] = (0 ..< Int.random(in: 1 ... 6, using: &rng)).map { _ in
                switch Int.random(in: 0 ... 2, using: &rng) {
                case 0: .fixed(Int.random(in: 0 ... 60, using: &rng))
                case 1: .min(Int.random(in: 0 ... 60, using: &rng), weight: Int.random(in: 0 ... 3, using: &rng))
                default: .fill(Int.random(in: 1 ... 3, using: &rng))
                }
            }
            let rects = Rect(x: 5, y: 0, width: total, height: 1).split(.horizontal, parts)
            var at = 5
            for r in rects { #expect(r.x == at && r.width >= 0); at += r.width }
            let grows = parts.contains {
                switch $0 {
                case .fixed: false
                case .min(_, let w), .fill(let w): w > 0
                }
            }
            let wanted = parts.reduce(0) { if case .fixed(let n) = $1 { $0 + n } else if case .min(let n, _) = $1 { $0 + n } else { $0 } }
            if grows || wanted >= total { #expect(at - 5 == total, "\(parts) in \(total)") } else { #expect(at - 5 == wanted) }
            if wanted <= total {
                for (c, r) in zip(parts, rects) {
                    if case .fixed(let n) = c { #expect(r.width == n) }
                    if case .min(let n, _) = c { #expect(r.width >= n) }
                }
            }
        }
    }
}
