/// libFuzzer target: BitMEX `liquidation` table messages (dated by a receive time).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBitMEX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
