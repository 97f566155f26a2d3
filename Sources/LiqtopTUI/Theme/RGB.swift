/// A 24-bit colour as written in theme files: "#RRGGBB".
public struct RGB: Hashable, Sendable {
    public var r: UInt8, g: UInt8, b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r; self.g = g; self.b = b
    }

    /// Parses exactly "#RRGGBB" (hex digits in either case). Anything else, including "#RGB",
    /// names and surrounding spaces, is nil: theme files are strict so typos are caught.
    public init?(hex: some StringProtocol) {
        let u = Array(hex.utf8)
        guard u.count == 7, u[0] == UInt8(ascii: "#"),
              let r = Self.byte(u[1], u[2]), let g = Self.byte(u[3], u[4]), let b = Self.byte(u[5], u[6])
        else { return nil }
        self.init(r, g, b)
    }

    /// The colour halfway between `a` and `b`, per channel, rounded down.
    public static func halfway(_ a: RGB, _ b: RGB) -> RGB {
        RGB(UInt8((UInt16(a.r) + UInt16(b.r)) / 2), UInt8((UInt16(a.g) + UInt16(b.g)) / 2), UInt8((UInt16(a.b) + UInt16(b.b)) / 2))
    }

    /// 0xRRGGBB, the colour number of a direct-colour terminal.
    public var packed: Int { Int(r) << 16 | Int(g) << 8 | Int(b) }

    /// "#rrggbb", lower case.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "#")]
        for v in [r, g, b] { out.append(digits[Int(v >> 4)]); out.append(digits[Int(v & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func byte(_ hi: UInt8, _ lo: UInt8) -> UInt8? {
        guard let h = nibble(hi), let l = nibble(lo) else { return nil }
        return h << 4 | l
    }
}
