/// libFuzzer target: Deribit trade notifications with and without `liquidation` flags, heartbeats.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeribit(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
