/// libFuzzer target: OKX v5 `liquidation-orders` lines (and bare `pong`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOKX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
