import EventStore
import Experiments
import Foundation
import ScenarioFormat
import TestSupport
import Testing

/// Outputs never destroy an input, replace only regular files, stay inside their folder, and
/// replace an output folder as a whole (issue 11, classes 1-4).
struct OutputSafetyTests {
    static func temporaryFolder() throws -> String {
        try CommandRunner.temporaryDirectory().path
    }

    static func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    // MARK: - Never destroy an input

    @Test func anOutputNamingAnInputIsRefusedByPathOrByIdentity() throws {
        let folder = try Self.temporaryFolder()
        let scenario = folder + "/s.yaml"
        try Self.write("name: s", scenario)
        let plan = OutputPlan(inputs: [scenario], outputs: [(folder + "/./x/../s.yaml", "--db")])
        #expect(
            throws: OutputError(
                folder + "/./x/../s.yaml", "--db would overwrite the input \(scenario); choose another path")
        ) {
            try plan.validate()
        }
        // A hard link is the same file under another name.
        #expect(link(scenario, folder + "/linked.yaml") == 0)
        #expect(throws: OutputError.self) {
            try OutputPlan(inputs: [scenario], outputs: [(folder + "/linked.yaml", "--junit")]).validate()
        }
        // A symbolic link to it too.
        #expect(symlink(scenario, folder + "/alias.yaml") == 0)
        #expect(throws: OutputError.self) {
            try OutputPlan(inputs: [scenario], outputs: [(folder + "/alias.yaml", "--db")]).validate()
        }
        #expect(try String(contentsOfFile: scenario, encoding: .utf8) == "name: s")
    }

    @Test func twoOutputsNamingOneFileAreRefused() throws {
        let folder = try Self.temporaryFolder()
        let plan = OutputPlan(
            inputs: [], outputs: [(folder + "/out/summary.json", "--out"), (folder + "/out/summary.json", "--db")])
        #expect(
            throws: OutputError(folder + "/out/summary.json", "--db names the same file as --out; choose another path")
        ) {
            try plan.validate()
        }
    }

    @Test(arguments: ["/dev/null", "/dev/zero"])
    func onlyRegularFilesAreReplaced(device: String) {
        #expect(throws: OutputError(device, "--db is a character device; only regular files are replaced")) {
            try OutputPlan(inputs: [], outputs: [(device, "--db")]).validate()
        }
    }

    @Test func aFIFOIsNeverReplaced() throws {
        let fifo = try Self.temporaryFolder() + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: OutputError(fifo, "--db is a FIFO; only regular files are replaced")) {
            try OutputPlan(inputs: [], outputs: [(fifo, "--db")]).validate()
        }
    }

    @Test func anOutputUnderAFileIsRefused() throws {
        let folder = try Self.temporaryFolder()
        try Self.write("x", folder + "/file")
        #expect(throws: OutputError.self) {
            try OutputPlan(inputs: [], outputs: [(folder + "/file/summary.json", "--out")]).validate()
        }
        #expect(throws: OutputError(folder + "/file", "--out is a regular file, not a folder")) {
            try OutputPlan(inputs: [], outputs: [], folders: [(folder + "/file", "--out")]).validate()
        }
    }

    // MARK: - Paths that escape

    @Test func emptyAndOverlongPathsFailBeforeAnythingIsCreated() throws {
        #expect(throws: OutputError("", "--out is empty: expected a path")) {
            try OutputPlan(inputs: [], outputs: [], folders: [("", "--out")]).validate()
        }
        let folder = try Self.temporaryFolder()
        let deep = folder + "/" + Array(repeating: "d", count: 2500).joined(separator: "/")
        #expect(throws: OutputError.self) {
            try OutputPlan(inputs: [], outputs: [], folders: [(deep, "--out")]).validate()
        }
        let long = folder + "/" + String(repeating: "n", count: 300)
        #expect(throws: OutputError.self) {
            try OutputPlan(inputs: [], outputs: [], folders: [(long, "--out")]).validate()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test(arguments: [
        ("key-disabled-45m", "key-disabled-45m"), ("../../x", "_.-..-x"), ("..", "scenario"), (".", "scenario"),
        ("a/b", "a-b"), ("my run", "my-run"), ("", "scenario"), (".hidden", "_hidden"),
    ])
    func scenarioNamesBecomeOneSafeFolderName(name: String, folder: String) {
        #expect(OutputPaths.safeComponent(name) == folder)
    }

    @Test func theDefaultFolderOfAnEscapingNameStaysInReports() throws {
        let loaded = try ScenarioLoader.load(
            text:
                "name: ../../etc\npools: [{id: p, dedicatedNodes: 1}]\njobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]"
        )
        let destination = try RunDestination(loaded: loaded, out: nil, db: nil, events: true, reports: true)
        #expect(destination.folder == "Reports/_.-..-etc")
    }

    @Test func theCurrentFolderAndTheRootAreNeverReplaced() {
        #expect(throws: OutputError.self) {
            try OutputPlan(inputs: [], outputs: [], folders: [(".", "--out")]).validate()
        }
        #expect(throws: OutputError.self) {
            try OutputPlan(inputs: [], outputs: [], folders: [("/", "--out")]).validate()
        }
    }

    // MARK: - A folder replaced as a whole

    @Test func aStagedFolderReplacesTheOutputsAndKeepsEverythingElse() throws {
        let folder = try Self.temporaryFolder()
        let out = folder + "/out"
        try Self.write("old summary", out + "/summary.json")
        try Self.write("old report", out + "/report.md")
        try Self.write("name: mine", out + "/mine.yaml")
        try Self.write("sweep", out + "/sweep/sweep.csv")
        let mineBefore = OutputPaths.identity(out + "/mine.yaml")
        let staged = try StagedDirectory(destination: out, owned: ["summary.json", "report.md"])
        try OutputFiles.write("new summary", to: staged.path + "/summary.json")
        // Nothing is visible before the commit.
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == "old summary")
        try staged.commit()
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == "new summary")
        // An owned name the new run did not write is gone: no old report beside a new summary.
        #expect(!FileManager.default.fileExists(atPath: out + "/report.md"))
        // Other files are the same files (hard links), subfolders are kept.
        #expect(OutputPaths.identity(out + "/mine.yaml") == mineBefore)
        #expect(try String(contentsOfFile: out + "/sweep/sweep.csv", encoding: .utf8) == "sweep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out"])
    }

    @Test func anAbandonedStagedFolderLeavesTheOldOneUntouched() throws {
        let folder = try Self.temporaryFolder()
        let out = folder + "/out"
        try Self.write("old", out + "/summary.json")
        do {
            let staged = try StagedDirectory(destination: out, owned: ["summary.json"])
            try OutputFiles.write("new", to: staged.path + "/summary.json")
            staged.abandon()
        }
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out"])
    }

    @Test func aNewFolderIsCreatedByOneRename() throws {
        let folder = try Self.temporaryFolder()
        let staged = try StagedDirectory(destination: folder + "/a/b", owned: ["summary.json"])
        try OutputFiles.write("new", to: staged.path + "/summary.json")
        #expect(!FileManager.default.fileExists(atPath: folder + "/a/b"))
        try staged.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/a/b") == ["summary.json"])
    }

    // MARK: - No leaked temporary files

    @Test func leftoversOfDeadProcessesAreReclaimedAndLiveOnesKept() throws {
        let folder = try Self.temporaryFolder()
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno == EPERM { dead -= 1 }
        let stale = folder + "/" + TemporaryFiles.temporaryName(for: "out", pid: dead)
        let live = folder + "/" + TemporaryFiles.temporaryName(for: "out", pid: getppid())
        try Self.write("x", stale + "/summary.json")
        try Self.write("x", live + "/summary.json")
        #expect(stale.hasSuffix("/.out.batchsim-incomplete-\(dead)"))
        TemporaryFiles.reclaimStale(in: folder, for: "out")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
