import BatchModel
import EventStore
import Foundation
public import ScenarioFormat

/// Where one `batchsim run` puts its outputs, checked before anything is simulated: the output
/// folder (replaced as a whole), the files in it, and the event log (in the folder, or where
/// `--db` says). Inputs are never overwritten, and no two outputs share a path.
public struct RunDestination {
    /// The output folder as the user named it (or `Reports/<safe scenario name>`).
    public var folder: String
    /// The names written into the folder, in the order they are reported.
    public var files: [String]
    /// The event log's path as given, when there is one.
    public var eventLog: String?
    /// The log's name inside the folder, when it is written there (the default).
    public var eventLogInFolder: String?

    /// - Parameters:
    ///   - out: `--out`, or nil for `Reports/<scenario name>` (the name made a safe folder name).
    ///   - db: `--db`, or nil for `<folder>/events.sqlite`.
    public init(
        loaded: LoadedScenario, out: String?, db: String?, events: Bool, reports: Bool
    ) throws(OutputError) {
        folder = out ?? "Reports/" + OutputPaths.safeComponent(loaded.scenario.name)
        files = ["summary.json"] + (reports ? ["report.md", "report.html"] : [])
        guard events else {
            try Self.plan(loaded, folder: folder, files: files, log: nil)
            return
        }
        let log = db ?? folder + "/events.sqlite"
        if let db { try OutputPaths.checkShape(db, option: "--db") }
        try OutputPaths.checkShape(folder, option: "--out")
        let logParent = (OutputPaths.resolved(log) as NSString).deletingLastPathComponent
        if logParent == OutputPaths.resolved(folder) { eventLogInFolder = (log as NSString).lastPathComponent }
        eventLog = log
        try Self.plan(loaded, folder: folder, files: files, log: log)
    }

    private static func plan(_ loaded: LoadedScenario, folder: String, files: [String], log: String?)
        throws(OutputError)
    {
        var outputs = files.map { (path: folder + "/" + $0, option: "--out") }
        if let log { outputs.append((log, "--db")) }
        try OutputPlan(inputs: loaded.inputFiles, outputs: outputs, folders: [(folder, "--out")]).validate()
    }

    /// Every final path written, for the closing line: the folder's files, then the log.
    public var writtenPaths: [String] {
        files.map { folder + "/" + $0 } + (eventLog.map { [$0] } ?? [])
    }

    /// Every name a run may write into its folder: an old one the new run does not write (an old
    /// log with `--no-events`, old reports with `--no-report`) is not kept beside the new files.
    public static let ownedNames = ["summary.json", "report.md", "report.html", "events.sqlite"]

    /// Creates the hidden sibling the outputs are built in.
    public func stage() throws(OutputError) -> StagedDirectory {
        try StagedDirectory(destination: folder, owned: Self.ownedNames + (eventLogInFolder.map { [$0] } ?? []))
    }

    /// Where the log is built: inside the staged folder when it belongs there, else at `--db`.
    public func eventLogPath(in staged: StagedDirectory) -> String? {
        if let eventLogInFolder { return staged.path + "/" + eventLogInFolder }
        return eventLog
    }
}
