/// libFuzzer target: FRED rate rows under a fixed three-series header.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFred(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: "DATE,DFEDTARU,DFEDTARL,DFF", UnsafeBufferPointer(start: data, count: size))
    return 0
}
