// PLACEHOLDER: replaced by the venue-format work.
public enum CoinNormalizer {
    public static func coin(of instrument: String) -> String? { instrument }
}
