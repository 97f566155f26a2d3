import ArgumentParser
import LiqtopCore
import LiqtopFeeds

/// Loads the files named on the command line (or the demo day) into a new store.
enum LoadedData {
    /// `keepsOrderDetail: false` (summary) stores no per-order price and quantity: it never shows them.
    static func load(files: [String], keepsOrderDetail: Bool = true) async throws -> MarketStore {
        var config = MarketStore.Config()
        config.keepsOrderDetail = keepsOrderDetail
        let store = MarketStore(config: config)
        if files.isEmpty {
            await store.ingest(DemoDay.events(), source: "demo")
            return store
        }
        let context = DecodeContext(now: WallClock.now())
        let packing = FileInput.Packing(keepsOrderDetail: keepsOrderDetail)
        let (unique, repeats) = SourceIdentity.unique(files)
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
        return store
    }
}

/// A one-line error for the user; exits with status 2.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
