/// libFuzzer target: Hyperliquid `activeAssetCtx` frames, acks, pongs, errors and other channels.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHyperliquid(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
