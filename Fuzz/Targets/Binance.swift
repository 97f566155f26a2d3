/// libFuzzer target: Binance USD-M/COIN-M `forceOrder` lines (NDJSON, any number of lines).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBinance(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
