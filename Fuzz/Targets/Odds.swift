/// libFuzzer target: Cut-odds rows under the `meeting_date,target_range,probability` header.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOdds(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: "meeting_date,target_range,probability", UnsafeBufferPointer(start: data, count: size))
    return 0
}
