import LiqtopCore

/// The focused coin's realized liquidations by price: a row per price band, highest first,
/// shorts then longs as bars against the busiest band, the band's total where it fits.
/// Figures are `summary --by-price COIN --step STEP`'s (the step is in the title).
enum PriceBandsView {
    /// Below this width a row has no room for its total.
    static let totalsFrom = 30

    static func draw(_ bands: PriceBands, in r: Rect, into g: inout CellGrid) {
        guard r.height >= 3, r.width >= 16 else { return }
        let shown = bands.merged(maxBands: r.height - 1)
        let title = "by price, \(shown.window.rawValue)" + (shown.bands.isEmpty ? "" : " · per $" + Fmt.price(shown.step))
        g.put(title, x: r.x, y: r.y, style: Style(.title), clip: r.row(0))
        guard !shown.bands.isEmpty else {
            g.put(bands.unpriced > 0 ? "no prices kept" : "no orders", x: r.x, y: r.y + 1, style: .dim, clip: r.row(1))
            return
        }
        let labelWidth = shown.bands.map { TextWidth.of(Fmt.price($0.low)) }.max() ?? 0
        let totalWidth = r.width >= totalsFrom ? 8 : 0
        let peak = shown.bands.map(\.totals.totalUSD.micros).max() ?? 0
        for (k, band) in shown.bands.prefix(r.height - 1).enumerated() {
            let y = r.y + 1 + k
            let row = Rect(x: r.x, y: y, width: r.width, height: 1)
            let cells = row.split(.horizontal, [.fixed(labelWidth), .fixed(1), .min(0), .fixed(totalWidth)])
            g.putRight(Fmt.price(band.low), right: cells[0].maxX, y: y, style: Style(.axis), clip: cells[0])
            let bars = cells[2]
            let shortBar = Bars.horizontal(band.totals.shortUSD.micros, max: peak, width: bars.width, role: .short, glyphs: g.glyphs)
            let longBar = Bars.horizontal(band.totals.longUSD.micros, max: peak, width: bars.width, role: .long, glyphs: g.glyphs)
            g.put(shortBar, x: bars.x, y: y, style: Style(.short), clip: bars)
            g.put(longBar, x: bars.x + TextWidth.of(shortBar), y: y, style: Style(.long), clip: bars)
            if totalWidth > 0, band.totals.count > 0 {
                g.putRight(Fmt.usd(band.totals.totalUSD), right: cells[3].maxX, y: y, style: .text, clip: cells[3])
            }
        }
    }
}
