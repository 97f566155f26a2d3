/// libFuzzer target: Bitget v3 `liquidation` lines (acks, errors and bare `pong` too).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBitget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
