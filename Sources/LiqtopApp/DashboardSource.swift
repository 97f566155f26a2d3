/// The source named in the header, in words a viewer cannot misread.
public enum DashboardSource {
    /// The bundled day: its totals are the published ones, its individual orders are generated.
    public static let demo = "demo · synthetic orders"

    /// `liqtop` / `liqtop replay FILE...`.
    public static func replay(files: [String]) -> String {
        files.isEmpty ? demo : "replay " + (files.count == 1 ? files[0] : "\(files.count) files")
    }
}
