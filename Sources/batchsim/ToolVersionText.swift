import Reporting

/// The version string `--version` prints.
enum ToolVersionText {
    static let text = ToolVersion.current
}
