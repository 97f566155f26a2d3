// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "liqtop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liqtop", targets: ["liqtop"]),
        .library(name: "LiqtopCore", targets: ["LiqtopCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph through swift-websocket; named here for HTX's gzip frames.
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Model, formats, aggregation and the store: pure Swift, no terminal, no network.
        .target(name: "LiqtopCore"),
        // Sources that do I/O: files, stdin, replay clock; and the log file (swift-log's handler).
        .target(name: "LiqtopFeeds", dependencies: ["LiqtopCore", .product(name: "Logging", package: "swift-log")]),
        // Venue WebSocket connectors: kept apart so the core and the view build without NIO.
        .target(
            name: "LiqtopLive",
            dependencies: [
                "LiqtopCore",
                "LiqtopFeeds",
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The config file (read and checked, never written) and the remembered state (state.toml).
        .target(
            name: "LiqtopConfig",
            dependencies: ["LiqtopCore", "LiqtopFeeds", "LiqtopTUI", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // View state, panels drawing into a CellGrid, themes, and the one ncurses backend.
        .target(name: "LiqtopTUI", dependencies: ["LiqtopCore", "CNCursesW", "CSignalPipe"]),
        // ncursesw through a small shim (wide-character API, accessors for C globals).
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        // The dashboard loop: a screen, input and a clock passed in, so tests run it without a terminal.
        .target(name: "LiqtopApp", dependencies: ["LiqtopCore", "LiqtopFeeds", "LiqtopTUI"]),
        // For the tests only: a recording screen and scripted input, the one way to find and run
        // the built binary, and shared decode helpers.
        .target(name: "LiqtopTestSupport", dependencies: ["LiqtopCore", "LiqtopTUI"]),
        // Async-signal-safe self-pipe for SIGWINCH/SIGINT/SIGTERM/...
        .target(name: "CSignalPipe"),
        .executableTarget(
            name: "liqtop",
            dependencies: [
                "LiqtopCore",
                "LiqtopFeeds",
                "LiqtopLive",
                "LiqtopTUI",
                "LiqtopApp",
                "LiqtopConfig",
                "CSignalPipe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "liqtop-bench", dependencies: ["LiqtopCore", "LiqtopFeeds", "LiqtopTUI"], path: "Benchmarks/Bench"),
        .testTarget(name: "LiqtopCoreTests", dependencies: ["LiqtopCore", "LiqtopTestSupport"]),
        .testTarget(name: "LiqtopFeedsTests", dependencies: ["LiqtopFeeds", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "LiqtopLiveTests",
            dependencies: [
                "LiqtopLive",
                "LiqtopTestSupport",
                "liqtop", // the CLI test runs the built binary against the loopback server
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The golden screens are read from the source tree (#filePath), not bundled.
        .testTarget(name: "LiqtopTUITests", dependencies: ["LiqtopTUI"], exclude: ["Goldens"]),
        .testTarget(name: "LiqtopAppTests", dependencies: ["LiqtopApp", "LiqtopTestSupport"]),
        .testTarget(name: "LiqtopConfigTests", dependencies: ["LiqtopConfig", "LiqtopCore", "LiqtopTUI"]),
        .testTarget(name: "liqtopTests", dependencies: ["liqtop", "LiqtopTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
