#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Instrument facts by venue and name, looked up from the raw bytes of a line without building
/// a string (the hot path prices every contract-sized order through it).
///
/// A value type with copy-on-write storage: a `DecodeContext` carrying one costs one reference.
/// Adding facts for an instrument already in the book replaces them (the newer list wins).
public struct InstrumentBook: Sendable {
    private var storage: Storage

    public init() { storage = Storage(capacity: 0) }

    public init(_ facts: some Sequence<InstrumentFacts>) {
        self.init()
        for f in facts { add(f) }
    }

    public var isEmpty: Bool { storage.entries.isEmpty }
    public var count: Int { storage.entries.count }
    /// Every instrument's facts, in the order first added.
    public var all: [InstrumentFacts] { storage.entries }

    public mutating func add(_ facts: InstrumentFacts) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.add(facts)
    }

    public mutating func add(_ other: InstrumentBook) {
        for f in other.all { add(f) }
    }

    public func facts(venue: String, instrument: UnsafeBufferPointer<UInt8>) -> InstrumentFacts? {
        storage.find(venue: venue, name: instrument).map { storage.entries[$0] }
    }

    public func facts(venue: String, instrument: String) -> InstrumentFacts? {
        var name = instrument
        return name.withUTF8 { facts(venue: venue, instrument: $0) }
    }

    /// Open addressing over FNV-1a hashes of `venue 0x00 name`; keys are kept as bytes and
    /// compared with memcmp.
    private final class Storage: @unchecked Sendable {
        // @unchecked: mutated only through `InstrumentBook.add`, which copies it first unless
        // it is uniquely referenced; shared copies are never written.
        var entries: [InstrumentFacts] = []
        var keys: [UInt8] = []
        var keyStart: [Int] = []
        var keyLength: [Int] = []
        /// Entry index + 1 per slot (0: empty); the count is a power of two.
        var slots: [Int32]

        init(capacity: Int) {
            var n = 8
            while n < capacity * 2 { n *= 2 }
            slots = [Int32](repeating: 0, count: n)
        }

        func copy() -> Storage {
            let s = Storage(capacity: 0)
            s.entries = entries; s.keys = keys; s.keyStart = keyStart; s.keyLength = keyLength; s.slots = slots
            return s
        }

        static func hash(venue: String, name: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var h: UInt32 = 2_166_136_261
            for x in venue.utf8 { h = (h ^ UInt32(x)) &* 16_777_619 }
            h = (h ^ 0) &* 16_777_619
            for x in name { h = (h ^ UInt32(x)) &* 16_777_619 }
            return h ^ (h >> 15)
        }

        func find(venue: String, name: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !entries.isEmpty else { return nil }
            let mask = slots.count - 1
            var k = Int(Self.hash(venue: venue, name: name)) & mask
            let venueCount = venue.utf8.count
            while true {
                let e = Int(slots[k]) - 1
                if e < 0 { return nil }
                if keyLength[e] == venueCount + 1 + name.count, matches(e, venue: venue, venueCount: venueCount, name: name) { return e }
                k = (k + 1) & mask
            }
        }

        private func matches(_ e: Int, venue: String, venueCount: Int, name: UnsafeBufferPointer<UInt8>) -> Bool {
            let start = keyStart[e]
            var i = start
            for x in venue.utf8 { if keys[i] != x { return false }; i += 1 }
            if keys[i] != 0 { return false }
            guard let base = name.baseAddress else { return name.isEmpty }
            return keys.withUnsafeBufferPointer { memcmp($0.baseAddress! + i + 1, base, name.count) } == 0
        }

        func add(_ f: InstrumentFacts) {
            var name = f.instrument
            if let e = name.withUTF8({ find(venue: f.venue, name: $0) }) {
                entries[e] = f
                return
            }
            if (entries.count + 1) * 2 > slots.count { grow() }
            let e = entries.count
            entries.append(f)
            keyStart.append(keys.count)
            keys.append(contentsOf: f.venue.utf8)
            keys.append(0)
            keys.append(contentsOf: f.instrument.utf8)
            keyLength.append(keys.count - keyStart[e])
            insertSlot(e)
        }

        private func insertSlot(_ e: Int) {
            let mask = slots.count - 1
            var name = entries[e].instrument
            var k = name.withUTF8 { Int(Self.hash(venue: entries[e].venue, name: $0)) } & mask
            while slots[k] != 0 { k = (k + 1) & mask }
            slots[k] = Int32(e + 1)
        }

        private func grow() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for e in entries.indices { insertSlot(e) }
        }
    }
}
