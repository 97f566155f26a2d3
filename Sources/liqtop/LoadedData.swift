import ArgumentParser
import LiqtopCore
import LiqtopFeeds

/// Loads the files named on the command line (or the demo day) into a new store.
enum LoadedData {
    /// `keepsOrderDetail: false` (summary) stores no per-order price and quantity: it never shows them.
    static func load(files: [String], keepsOrderDetail: Bool = true, instruments: [String] = [],
                     config base: MarketStore.Config = MarketStore.Config()) async throws -> MarketStore {
        var config = base
        config.keepsOrderDetail = keepsOrderDetail
        let store = MarketStore(config: config)
        if files.isEmpty {
            await store.ingest(DemoDay.events(), source: "demo")
            return store
        }
        let given = try InstrumentOption.read(instruments)
        for (venue, words) in given.sources { await store.setInstrumentSource(venue: venue, words) }
        let context = DecodeContext(now: WallClock.now(), instruments: given.book)
        let packing = FileInput.Packing(keepsOrderDetail: keepsOrderDetail)
        try FileChecks.checkNames(files)
        let inputs = try ArchiveDirectory.expanding(files)
        let (unique, repeats) = SourceIdentity.unique(inputs.map(\.path))
        for r in repeats { Terminal.standardError("liqtop: " + SourceIdentity.notice(r)) }
        for path in unique {
            // Parts are ingested as they arrive, while later parts of a large file still decode.
            do {
                for try await part in FileInput.parts(path: path, context: context, packing: packing) {
                    await store.ingest(part, source: path)
                }
            } catch {
                throw CLIError(message: "\(error)")
            }
        }
        // A file that gave no event at all is a mistake (a wrong file, a wrong format), not a day.
        let input = await store.snapshot().input
        for path in unique where path != "-" {
            guard let message = FileChecks.nothingRecognized(path, input) else { continue }
            // Named, it is a mistake; found in a directory, one file among the day's (skipped, said).
            if inputs.contains(where: { $0.path == path && $0.named }) { throw CLIError(message: message) }
            Terminal.standardError("liqtop: skipped: " + message)
        }
        if inputs.contains(where: { !$0.named }) { await extendHistory(store, inputs, context) }
        return store
    }

    /// A directory's earlier days join the daily history behind "highest since": each day with
    /// orders and no table totals of its own, before the last such day (its totals are the ones
    /// being measured), from the archive index.
    static func extendHistory(_ store: MarketStore, _ inputs: [ArchiveDirectory.Input], _ context: DecodeContext) async {
        guard let result = try? ArchiveIndex.digests(of: inputs, context: context) else { return }
        let days = result.digests.days.filter { result.digests[$0]?.hasOrders == true }
        guard let last = days.last else { return }
        let history: [DailyLiquidationTotals] = days.compactMap { d in
            guard d < last, let digest = result.digests[d], digest.tableTotals == nil else { return nil }
            return DailyLiquidationTotals(day: d, longUSD: digest.ordersUSD(.long), shortUSD: digest.ordersUSD(.short))
        }
        if !history.isEmpty { await store.extendHistory(history) }
    }
}

/// `--instruments FILE` (repeatable): saved instrument lists, read before any data.
enum InstrumentOption {
    static let help = ArgumentHelp("A saved instrument list (OKX /api/v5/public/instruments, Binance COIN-M /dapi/v1/exchangeInfo, Gate, HTX or BitMEX contracts) to price contract-sized orders with; repeatable.", valueName: "FILE")

    /// The facts of every file, each file noted on stderr; a file that is none of the known
    /// lists is a one-line error (exit 2).
    static func book(_ paths: [String]) throws -> InstrumentBook { try read(paths).book }

    /// The facts and, per venue, which files gave them (for the venue drill-down).
    static func read(_ paths: [String]) throws -> (book: InstrumentBook, sources: [String: String]) {
        guard !paths.isEmpty else { return (InstrumentBook(), [:]) }
        do {
            let (book, notes, sources) = try InstrumentFile.readAll(paths: paths)
            for n in notes { Terminal.standardError("liqtop: instruments: " + n) }
            return (book, sources)
        } catch {
            throw CLIError(message: "--instruments: \(error)")
        }
    }
}

/// A one-line error for the user; exits with status 2.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
