import ArgumentParser
import AzureImport
import Foundation
import ScenarioFormat

/// `batchsim import FILE... [--out SCENARIO.yaml]`: turns what `az batch … show`, `az keyvault …`, REST
/// bodies, ARM resources and Batch CLI templates print into a scenario that validates and runs (SPEC §8),
/// so a what-if starts from the estate as it is rather than from a hand-copied guess.
///
/// The scenario and its trace CSV are built and validated in a hidden folder beside the destination and
/// moved into place only when both are good: on any error nothing is written.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn Azure Batch, Key Vault and task JSON into a scenario (with a trace CSV of the tasks)."
    )

    @Argument(help: "JSON documents: az output, REST bodies, ARM resources, CLI templates, parameters files.")
    var files: [String]

    @Option(help: "The scenario to write (default: <name>.yaml); the tasks' trace goes beside it.")
    var out: String?

    @Option(help: "Duration of tasks without executionInfo, e.g. 10m (default 10m, with a warning).")
    var taskDuration: String?

    @Option(help: "A price per node-hour for a VM size, e.g. Standard_D4s_v3=0.192 (repeatable).")
    var price: [String] = []

    @Option(help: "The scenario's name (default: the output file's name).")
    var name: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("expected at least one JSON file") }
    }

    func run() throws {
        let prices = try price.map { text -> (vmSize: String, perHour: String) in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), value >= 0, value.isFinite else {
                throw ValidationError("--price: expected vmSize=perHour such as Standard_D4s_v3=0.192, found '\(text)'")
            }
            return (parts[0], parts[1])
        }
        let destination = out ?? "\(name ?? "imported").yaml"
        let destinationURL = URL(fileURLWithPath: destination).standardizedFileURL
        let directory = destinationURL.deletingLastPathComponent()
        let base = destinationURL.deletingPathExtension().lastPathComponent
        let traceName = base + ".trace.csv"
        // An output must never overwrite an input (`--out pool.json`).
        let outputs = [destinationURL.path, directory.appendingPathComponent(traceName).path]
        for file in files where outputs.contains(URL(fileURLWithPath: file).standardizedFileURL.path) {
            Terminal.printError("\(file): error: the output would overwrite this input; choose another --out")
            throw ExitCode.failure
        }
        var sources: [AzureImporter.Source] = []
        var readErrors: [String] = []
        for file in files {
            let data: [UInt8]
            do {
                data = try InputText.read(path: file, what: "Azure JSON", limit: 256 << 20)
            } catch {
                readErrors.append(error.description)
                continue
            }
            sources.append(
                AzureImporter.Source(
                    name: Self.displayName(file, in: directory), text: String(decoding: data, as: UTF8.self)))
        }
        guard readErrors.isEmpty else {
            readErrors.forEach(Terminal.printError)
            throw ExitCode.failure
        }
        let options = ImportOptions(
            name: name ?? base, taskDuration: taskDuration, prices: prices, traceFileName: traceName)
        let result: ImportResult
        do {
            result = try AzureImporter.run(sources, options: options)
        } catch {
            error.errors.forEach(Terminal.printError)
            throw ExitCode.failure
        }
        for warning in result.warnings { Terminal.printError("warning: " + warning) }
        try write(result, to: destinationURL, traceName: traceName)
        let written =
            [destination]
            + (result.trace == nil
                ? []
                : [((destination as NSString).deletingLastPathComponent as NSString).appendingPathComponent(traceName)])
        print(Terminal.wroteLine(written))
    }

    /// A file inside the scenario's folder is named relative to it (`imported/pool.json`), so the
    /// comments read the same wherever the command runs; others as given.
    static func displayName(_ file: String, in directory: URL) -> String {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let prefix = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : file
    }

    /// Builds both files in a hidden folder, validates the scenario there, then moves them into place.
    private func write(_ result: ImportResult, to destination: URL, traceName: String) throws {
        let manager = FileManager.default
        let directory = destination.deletingLastPathComponent()
        let staging = directory.appendingPathComponent(".batchsim-import-\(getpid())")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            Terminal.printError("\(directory.path): error: cannot write here (\(error.localizedDescription))")
            throw ExitCode.failure
        }
        defer { try? manager.removeItem(at: staging) }
        let stagedScenario = staging.appendingPathComponent(destination.lastPathComponent)
        let stagedTrace = staging.appendingPathComponent(traceName)
        try Data(result.scenario.utf8).write(to: stagedScenario)
        if let trace = result.trace { try Data(trace.utf8).write(to: stagedTrace) }
        do {
            for warning in try ScenarioLoader.load(path: stagedScenario.path).warnings {
                Terminal.printError(warning.description.replacingOccurrences(of: staging.path + "/", with: ""))
            }
        } catch {
            for diagnostic in error.diagnostics {
                Terminal.printError(diagnostic.description.replacingOccurrences(of: staging.path + "/", with: ""))
            }
            Terminal.printError("error: the imported scenario does not validate; nothing written")
            throw ExitCode.failure
        }
        // rename(2) replaces an existing file in one step; the trace goes first so the scenario never
        // names a trace that is not there.
        let moves =
            (result.trace == nil ? [] : [(stagedTrace, directory.appendingPathComponent(traceName))])
            + [(stagedScenario, destination)]
        for (from, to) in moves where rename(from.path, to.path) != 0 {
            Terminal.printError("\(to.path): error: cannot write (\(String(cString: strerror(errno))))")
            throw ExitCode.failure
        }
    }
}
