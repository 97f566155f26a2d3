extension VenueSource {
    /// Every duration the connector waits on, so tests can shrink them to milliseconds.
    public struct Timing: Sendable, Hashable {
        /// nil: the venue's own keepalive period (Bybit 20 s, OKX 25 s idle).
        public var keepalive: Swift.Duration?
        /// nil: the venue's own stall limit (Binance 10 min, Bybit and OKX 60 s).
        public var stallLimit: Swift.Duration?
        /// From starting a connection to a completed WebSocket upgrade.
        public var connectTimeout: Swift.Duration
        public var backoff: Backoff
        /// Reconnect on our own terms before the venues' 24 h cut.
        public var maxConnectionAge: Swift.Duration
        /// Frames arriving within this span are delivered as one batch.
        public var coalesce: Swift.Duration
        /// How long the close handshake may take before the socket is simply closed.
        public var closeTimeout: Swift.Duration

        public init(keepalive: Swift.Duration? = nil, stallLimit: Swift.Duration? = nil,
                    connectTimeout: Swift.Duration = .seconds(20), backoff: Backoff = Backoff(),
                    maxConnectionAge: Swift.Duration = VenueProtocol.maxConnectionAge,
                    coalesce: Swift.Duration = .milliseconds(50), closeTimeout: Swift.Duration = .seconds(2)) {
            self.keepalive = keepalive; self.stallLimit = stallLimit; self.connectTimeout = connectTimeout
            self.backoff = backoff; self.maxConnectionAge = maxConnectionAge
            self.coalesce = coalesce; self.closeTimeout = closeTimeout
        }

        public static let production = Timing()
    }
}
