/// libFuzzer target: Bybit v5 `allLiquidation` and legacy `liquidation` lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBybit(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
