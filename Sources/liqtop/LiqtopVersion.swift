/// `liqtop --version`. Raised by hand with each release; the build has no git step to name the
/// commit (SwiftPM runs no script before compiling), so a build from a checkout says `-dev`.
enum LiqtopVersion {
    static let text = "liqtop 1.1.0-dev"
}
