/// libFuzzer target: Macro note rows under the `time,source,text` header.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotes(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: "time,source,text", UnsafeBufferPointer(start: data, count: size))
    return 0
}
