/// What `liqtop history` works on: the archive's day digests and the history series made of them.
public struct ArchiveModel: Sendable {
    public let digests: DayDigests
    public let series: HistorySeries

    public init(_ digests: DayDigests) {
        self.digests = digests
        series = HistorySeries(digests)
    }

    /// The compare figures of a day the archive holds.
    public func figures(_ day: Day) -> DayFigures? { digests[day].map(DayFigures.init) }
}
