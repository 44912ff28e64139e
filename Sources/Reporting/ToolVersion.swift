/// The version of batchsim, written into every summary so that results can be traced to the
/// model that produced them.
public enum ToolVersion {
    public static let current = "0.1.0"
}
