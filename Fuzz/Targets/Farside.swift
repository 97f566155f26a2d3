/// libFuzzer target: Farside ETF flow rows under a fixed BTC header.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFarside(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(header: "Date,IBIT,FBTC,BITB,ARKB,BTCO,EZBC,BRRR,HODL,BTCW,GBTC,BTC,Total", UnsafeBufferPointer(start: data, count: size))
    return 0
}
