/// libFuzzer target: liqtop's native NDJSON recording lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNative(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: nil, UnsafeBufferPointer(start: data, count: size))
    return 0
}
