import Foundation

/// Every path a command reads and every path it will write, checked against each other before
/// anything is written: an output never replaces an input (scenario, traces, event logs read
/// back), two outputs never share a path, and only regular files are ever replaced.
///
/// Paths are compared where they really lead (symbolic links and `..` resolved) and, for files
/// that exist, by identity (device and inode), so a hard link or another spelling of the
/// scenario's path is caught too.
public struct OutputPlan {
    /// Files the command reads, by the path the user gave.
    public var inputs: [String]
    /// Files the command writes, with the option that named each (for messages).
    public var outputs: [(path: String, option: String)]
    /// Folders the command replaces as a whole (`run`'s, `sweep`'s and `merge`'s output folders).
    public var folders: [(path: String, option: String)]

    public init(
        inputs: [String], outputs: [(path: String, option: String)], folders: [(path: String, option: String)] = []
    ) {
        self.inputs = inputs
        self.outputs = outputs
        self.folders = folders
    }

    public func validate() throws(OutputError) {
        for (path, option) in outputs + folders { try OutputPaths.checkShape(path, option: option) }
        let inputPaths = Dictionary(
            inputs.map { (OutputPaths.resolved($0), $0) }, uniquingKeysWith: { first, _ in first })
        let inputIdentities = Dictionary(
            inputs.compactMap { input in OutputPaths.identity(input).map { ($0, input) } },
            uniquingKeysWith: { first, _ in first })
        try checkFolders()
        var written: [String: String] = [:]
        for (path, option) in outputs {
            let resolved = OutputPaths.resolved(path)
            if let input = inputPaths[resolved] ?? OutputPaths.identity(path).flatMap({ inputIdentities[$0] }) {
                throw OutputError(path, "\(option) would overwrite the input \(input); choose another path")
            }
            if let other = written[resolved] {
                throw OutputError(path, "\(option) names the same file as \(other); choose another path")
            }
            written[resolved] = option
            if let kind = OutputPaths.kind(path), kind != .regularFile {
                throw OutputError(path, "\(option) is \(kind); only regular files are replaced")
            }
            try checkParents(of: path, option: option)
        }
    }

    /// A folder replaced as a whole must be a folder (or not exist yet), must not be `/`, and must
    /// not hold the current folder (the process and the user's shell would be left in the old one).
    private func checkFolders() throws(OutputError) {
        let current = OutputPaths.resolved(FileManager.default.currentDirectoryPath)
        for (path, option) in folders {
            let resolved = OutputPaths.resolved(path)
            if let kind = OutputPaths.kind(path), kind != .directory {
                throw OutputError(path, "\(option) is \(kind), not a folder")
            }
            guard resolved != "/" else { throw OutputError(path, "\(option) cannot be the root folder") }
            if current == resolved || current.hasPrefix(resolved + "/") {
                throw OutputError(
                    path, "\(option) holds the current folder, which batchsim would replace; name a folder below it")
            }
            try checkParents(of: path, option: option)
        }
    }

    /// Every existing ancestor of `path` must be a folder.
    private func checkParents(of path: String, option: String) throws(OutputError) {
        var parent = (OutputPaths.resolved(path) as NSString).deletingLastPathComponent
        while parent != "/" && !parent.isEmpty {
            if let kind = OutputPaths.kind(parent) {
                guard kind == .directory else { throw OutputError(path, "\(option) is under \(parent), \(kind)") }
                return
            }
            parent = (parent as NSString).deletingLastPathComponent
        }
    }
}
