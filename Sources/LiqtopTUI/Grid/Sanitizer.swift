import LiqtopCore

/// The gate every string from data passes before it reaches the grid: instrument names, notes,
/// fund names, file names, error reasons. It is Core's `SafeText` policy, the same one stdout
/// and stderr use, so the screen and the command line can never disagree on what is safe.
public enum Sanitizer {
    public static func clean(_ s: String) -> String { SafeText.clean(s) }
}
