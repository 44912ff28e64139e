import ArgumentParser
import AutoscaleFormula
import Foundation
import ScenarioFormat

/// `batchsim autoscale FORMULA`: evaluates an autoscale formula offline, the way the service's
/// "evaluate autoscale" call does (SPEC rule 28), so that a user can try the formula their pool runs
/// against hand-made sample histories before simulating an outage with it.
///
/// Prints the results string and exits 0, or prints `FORMULA:line:column: error: message` on standard
/// error and exits 1.
struct AutoscaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autoscale",
        abstract: "Evaluate an Azure Batch autoscale formula offline and print its results string.",
        discussion: """
            Example:
              $ cat samples.csv
              time,PendingTasks
              0,4
              30,6
              60,8
              $ echo '$TargetDedicatedNodes = min(10, avg($PendingTasks.GetSample(TimeInterval_Minute * 2)));' \\
                  | batchsim autoscale - --at 90s --samples samples.csv --set '$CurrentDedicatedNodes=2'
              $TargetDedicatedNodes=6;$NodeDeallocationOption=requeue
            """
    )

    @Argument(help: "The formula file, or - for standard input.")
    var formula: String

    @Option(help: "When to evaluate: a duration from t = 0 (90s, 10m, 1h30m, 2d, 250ms or plain seconds).")
    var at = "0"

    @Option(help: "The wall clock at t = 0, ISO 8601 (time() is this plus --at).")
    var start = "2026-01-05T00:00:00Z"

    @Option(help: "A CSV with a 'time' column in seconds and one column per sampled variable.")
    var samples: String?

    @Option(
        name: .customLong("set"),
        help: "A plain variable or current target, as $Name=value (repeatable).")
    var settings: [String] = []

    func run() throws {
        guard let milliseconds = DurationSyntax.parse(at) else {
            throw ValidationError("--at '\(at)' is not a duration (90s, 10m, 1h30m, 2d, 250ms or plain seconds)")
        }
        guard let startSeconds = TimestampText.parse(start) else {
            throw ValidationError("--start '\(start)' is not an ISO 8601 timestamp")
        }
        let now = startSeconds + Double(milliseconds) / 1000
        var context = EvaluationContext(now: now, random: Self.draw)
        try apply(settings, to: &context)
        if let samples {
            let text = try read(samples, what: "samples CSV")
            do {
                context.samples = try AutoscaleSamplesCSV.read(
                    text, start: startSeconds, before: Double(milliseconds) / 1000)
            } catch {
                Self.report("\(samples):\(error.line): error: \(error.message)")
                throw ExitCode.failure
            }
        }
        let text = try read(formula, what: "formula")
        let name = formula == "-" ? "<stdin>" : formula
        do {
            let loaded = try Formula.load(text)
            switch loaded.evaluate(context: context) {
            case .success(let evaluation):
                print(evaluation.resultsString)
            case .failure(let error):
                Self.report("\(name):\(error.description)")
                throw ExitCode.failure
            }
        } catch let error as FormulaError {
            Self.report("\(name):\(error.description)")
            throw ExitCode.failure
        }
    }

    /// `rand()` here is reproducible: SplitMix64's finaliser of the call number, top 53 bits, so that
    /// the same command prints the same results string.
    @Sendable static func draw(_ call: Int) -> Double {
        var z = UInt64(truncatingIfNeeded: call) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / 9_007_199_254_740_992
    }

    private static func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The text of `path` (`-` for standard input); an unreadable file or bytes that are not UTF-8
    /// are one `path:line:column: error:` line and exit status 1.
    private func read(_ path: String, what: String) throws -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else {
                Self.report("<stdin>: error: the \(what) is not UTF-8")
                throw ExitCode.failure
            }
            return text
        }
        do {
            return String(decoding: try InputText.read(path: path, what: what, limit: 16 << 20), as: UTF8.self)
        } catch {
            Self.report(error.description)
            throw ExitCode.failure
        }
    }

    /// `--set $Name=value`: the plain variables and the current targets; an unset target reads as the
    /// `$Current…` value of its priority, an unset `$TaskSlotsPerNode` as 1.
    private func apply(_ settings: [String], to context: inout EvaluationContext) throws {
        var targetDedicated: Double?
        var targetLowPriority: Double?
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--set '\(setting)' is not $Name=number")
            }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            switch name.hasPrefix("$") ? name : "$" + name {
            case "$CurrentDedicatedNodes", "$CurrentDedicated": context.currentDedicatedNodes = value
            case "$CurrentLowPriorityNodes", "$CurrentLowPriority": context.currentLowPriorityNodes = value
            case "$TaskSlotsPerNode": context.taskSlotsPerNode = value
            case "$TargetDedicatedNodes", "$TargetDedicated": targetDedicated = value
            case "$TargetLowPriorityNodes", "$TargetLowPriority": targetLowPriority = value
            default:
                throw ValidationError(
                    "--set '\(name)': only $CurrentDedicatedNodes, $CurrentLowPriorityNodes, $TaskSlotsPerNode, "
                        + "$TargetDedicatedNodes and $TargetLowPriorityNodes (or their aliases) can be set")
            }
        }
        context.currentTargetDedicated = targetDedicated ?? context.currentDedicatedNodes
        context.currentTargetLowPriority = targetLowPriority ?? context.currentLowPriorityNodes
    }
}
