/// libFuzzer target: HTX `public.*.liquidation_orders` notifications (decompressed), pings and acks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
