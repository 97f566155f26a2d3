/// The time zone times are shown in (`--tz`): a name and its UTC offsets over time, given by
/// the executable from the system's zone database (Core reads no files). Times are stored and
/// compared in UTC everywhere; only display adds the offset.
public struct DisplayZone: Sendable, Hashable {
    /// What the header says: `UTC`, or an offset such as `UTC-05:00` (a name like `EST` can
    /// mean two zones; an offset cannot).
    public let name: String
    /// `(from, offset)`: from that instant on, local = UTC + offset; ascending by `from`.
    let offsets: [Offset]

    struct Offset: Sendable, Hashable { var from: Millis; var offset: Millis }

    public static let utc = DisplayZone(name: "UTC", offsets: [])

    /// `transitions`: each `(from, offset)` in any order; before the first, the first offset.
    public init(name: String, transitions: [(from: Millis, offset: Millis)]) {
        self.init(name: name, offsets: transitions.map { Offset(from: $0.from, offset: $0.offset) }.sorted { $0.from < $1.from })
    }

    private init(name: String, offsets: [Offset]) { self.name = name; self.offsets = offsets }

    public var isUTC: Bool { offsets.allSatisfy { $0.offset == 0 } }

    public func offset(at t: Millis) -> Millis {
        guard let first = offsets.first else { return 0 }
        return offsets.last { $0.from <= t }?.offset ?? first.offset
    }

    /// The local wall time of `t`, as a UTC-based millisecond count (for the clock formatters).
    public func local(_ t: Millis) -> Millis { t + offset(at: t) }

    /// `UTC` or `UTC+05:30` at `t`.
    public func label(at t: Millis) -> String {
        let o = offset(at: t)
        guard o != 0 || !offsets.isEmpty else { return "UTC" }
        if o == 0 { return "UTC" }
        let minutes = abs(o) / Duration.minute
        return "UTC" + (o < 0 ? "-" : "+") + pad2(Int(minutes / 60)) + ":" + pad2(Int(minutes % 60))
    }
}
