import Foundation

/// The real third-party frames and tables in `../shared/samples/real/` beside the checkout (its
/// README says where each came from). CI has the folder there too.
public enum RealSamples {
    /// The sample's path, or nil when the folder is not beside this checkout.
    public static func path(_ name: String) -> String? {
        let p = URL(fileURLWithPath: LiqtopProcess.packageRoot).deletingLastPathComponent()
            .appendingPathComponent("shared/samples/real/\(name)").path
        return FileManager.default.isReadableFile(atPath: p) ? p : nil
    }
}
