/// The instruments seen so far, interned: a stored order carries a 32-bit id instead of
/// two strings, and its coin and venue come from the table.
public struct InstrumentTable: Sendable {
    public struct Entry: Sendable, Hashable {
        public var venue: Venue
        public var instrument: String
        public var coin: String
    }

    private struct Key: Hashable { var venue: Venue; var instrument: String }

    /// Tells tables apart for caches of ids (an id is only good in the table that gave it).
    /// Copies share it while they hold the same entries; a copy that adds one takes a new one.
    public final class Identity: Sendable {}
    public private(set) var identity = Identity()

    public private(set) var entries: [Entry] = []
    private var ids: [Key: UInt32] = [:]

    public init() {}

    public var count: Int { entries.count }

    public subscript(id: UInt32) -> Entry { entries[Int(id)] }

    /// The id of `instrument` on `venue`, added on first sight. The coin is the one the
    /// normalizer derived from the name, so it is the same for every sighting.
    public mutating func id(venue: Venue, instrument: String, coin: String) -> UInt32 {
        let key = Key(venue: venue, instrument: instrument)
        if let id = ids[key] { return id }
        if !isKnownUniquelyReferenced(&identity) { identity = Identity() }
        let id = UInt32(entries.count)
        entries.append(Entry(venue: venue, instrument: instrument, coin: coin))
        ids[key] = id
        return id
    }

    /// For each entry of `other`, its id in this table (adding the new ones).
    public mutating func merge(_ other: InstrumentTable) -> [UInt32] {
        other.entries.map { id(venue: $0.venue, instrument: $0.instrument, coin: $0.coin) }
    }
}
