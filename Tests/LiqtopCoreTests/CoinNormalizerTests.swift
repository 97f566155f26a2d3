import Testing
@testable import LiqtopCore

@Suite struct CoinNormalizerTests {
    @Test(arguments: [
        ("BTCUSDT", "BTC"), ("BTC-USDT-SWAP", "BTC"), ("BTC-USD-SWAP", "BTC"), ("BTCUSD_PERP", "BTC"),
        ("BTCUSDT_260327", "BTC"), ("BTCPERP", "BTC"), ("BTCUSDH26", "BTC"), ("BTC-USD-250328", "BTC"),
        ("1000PEPEUSDT", "PEPE"), ("1000000MOGUSDT", "MOG"), ("1MBABYDOGEUSDT", "BABYDOGE"), ("1INCHUSDT", "1INCH"),
        ("ETHUSDC", "ETH"), ("ETHUSD_260327", "ETH"), ("BTCFDUSD", "BTC"), ("ETHBUSD", "ETH"), ("BNBUSD_PERP", "BNB"),
        ("BNBBUSD", "BNB"), ("BNBUSDT", "BNB"), ("10000LADYSUSDT", "LADYS"), ("1000SATSUSDT", "SATS"),
        ("ROSEUSDT", "ROSE"), ("IOST-USDT-SWAP", "IOST"), ("ETH-USDC-SWAP", "ETH"), ("BTC-26DEC25", "BTC"),
        ("BTCUSDT-26DEC25", "BTC"), ("ETHUSDM26", "ETH"), ("BTCUSD", "BTC"), ("btcusdt", "BTC"), ("USDCUSDT", "USDC"),
        ("PERP-USDT-SWAP", "PERP"), ("BTC/USDT:USDT", "BTC"), ("PEPE", "PEPE"), ("1INCH-USDT-SWAP", "1INCH"),
        // Bybit's multiplier after the coin, as Binance's before it.
        ("SHIB1000USDT", "SHIB"), ("1000SHIBUSDT", "SHIB"), ("BROCCOLI714USDT", "BROCCOLI714"), ("A8USDT", "A8"),
    ])
    func coin(_ instrument: String, _ expected: String) {
        #expect(CoinNormalizer.coin(of: instrument) == expected)
    }

    @Test(arguments: ["USDT", "USD", "PERP", "", "-USDT-SWAP", "_PERP", "1000USDT", "1000", "BTC.X", "€USDT"])
    func nothingSensible(_ instrument: String) {
        #expect(CoinNormalizer.coin(of: instrument) == nil)
    }

    @Test func coinLengthIsBounded() {
        #expect(CoinNormalizer.maxLength == 20)
        #expect(CoinNormalizer.coin(of: "ABCDEFGHIJ0123456789USDT") == "ABCDEFGHIJ0123456789")
        #expect(CoinNormalizer.coin(of: "ABCDEFGHIJ0123456789K-USDT-SWAP") == nil)
        #expect(CoinNormalizer.coin(of: "1000ABCDEFGHIJ0123456789USDT") == "ABCDEFGHIJ0123456789") // multiplier not counted
        #expect(CoinNormalizer.coin(of: "ROSEUSDpppppppppppppppppppppppT") == nil) // fuzz finding: 31 characters
    }
}
