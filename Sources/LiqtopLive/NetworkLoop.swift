import NIOPosix

/// The one event-loop thread every connection of `liqtop live` runs on: the venues' WebSocket
/// streams, the open-interest polls and the instrument downloads.
///
/// Why one and not NIO's singleton (a thread per core): with two loop threads, two venues
/// connecting at the same moment set up their first WebSocket pipelines concurrently, and
/// once (stop 19's CI run, Swift 6.3.1 on Linux) the runtime crashed while both threads were
/// instantiating the same generic metadata (`swift_getTypeByMangledName` →
/// `isCanonicalStaticallySpecializedGenericMetadata`, SIGSEGV at address 0). On one thread every
/// pipeline is set up in turn. Liquidation and ticker streams need a small part of one thread:
/// decoding runs in the tasks that read the frames, not on the loop.
enum NetworkLoop {
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
}
