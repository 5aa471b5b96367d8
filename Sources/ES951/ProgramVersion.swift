/// The version of hlmcs and es951-sim (`--version`), one number for both: they are built,
/// tested and shipped together.
public enum ProgramVersion {
    public static let text = "0.9.0"
}
