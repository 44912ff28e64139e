import Foundation
import TestSupport
import Testing

/// `batchsim autoscale` (rule 28): a formula evaluated offline against a samples CSV and `--set` values.
struct AutoscaleCommandTests {
    /// Writes `files` (name → contents) into a fresh directory and returns their paths by name.
    static func write(_ files: [String: String]) throws -> [String: String] {
        let directory = try CommandRunner.temporaryDirectory()
        var paths: [String: String] = [:]
        for (name, contents) in files {
            let url = directory.appendingPathComponent(name)
            try contents.write(to: url, atomically: true, encoding: .utf8)
            paths[name] = url.path
        }
        return paths
    }

    @Test func theHelpExampleGivesItsResultsString() throws {
        let paths = try Self.write([
            "samples.csv": "time,PendingTasks\n0,4\n30,6\n60,8\n",
            "formula.txt": "$TargetDedicatedNodes = min(10, avg($PendingTasks.GetSample(TimeInterval_Minute * 2)));\n",
        ])
        let outcome = try CommandRunner.run([
            "autoscale", paths["formula.txt"] ?? "", "--at", "90s", "--samples", paths["samples.csv"] ?? "", "--set",
            "$CurrentDedicatedNodes=2",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "$TargetDedicatedNodes=6;$NodeDeallocationOption=requeue\n")
    }

    @Test func rowsAtOrAfterTheEvaluationAreIgnoredAndEmptyCellsAreMissingSamples() throws {
        let paths = try Self.write([
            "samples.csv": "time, $ActiveTasks ,RunningTasks\n0,1,5\n30,,6\n60,3,7\n",
            "formula.txt": "a = $ActiveTasks.GetSample(10); r = $RunningTasks.Count();",
        ])
        let outcome = try CommandRunner.run([
            "autoscale", paths["formula.txt"] ?? "", "--at", "60", "--samples", paths["samples.csv"] ?? "",
        ])
        #expect(outcome.standardOutput == "$NodeDeallocationOption=requeue;a=[1];r=2\n")
    }

    @Test func setValuesAndTheClockReachTheFormula() throws {
        let paths = try Self.write([
            "formula.txt": """
            $TargetDedicatedNodes = $TargetDedicatedNodes + $TaskSlotsPerNode;
            $TargetLowPriorityNodes = $TargetLowPriorityNodes + 1;
            now = time();
            """
        ])
        let outcome = try CommandRunner.run([
            "autoscale", paths["formula.txt"] ?? "", "--start", "2026-01-05T08:00:00Z", "--at", "1h30m", "--set",
            "$CurrentDedicatedNodes=4", "--set", "CurrentLowPriority=2", "--set", "$TargetLowPriorityNodes=7",
        ])
        #expect(
            outcome.standardOutput
                == "$TargetDedicatedNodes=5;$TargetLowPriorityNodes=8;$NodeDeallocationOption=requeue;"
                + "now=2026-01-05T09:30:00Z\n")
    }

    @Test func aBrokenFormulaPrintsItsLocatedErrorAndFails() throws {
        let paths = try Self.write([
            "cpu.txt": "$TargetDedicatedNodes = min(400, 3)\n$NodeDeallocationOption = taskcompletion;\n"
        ])
        let path = paths["cpu.txt"] ?? ""
        let outcome = try CommandRunner.run(["autoscale", path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError == "\(path):2:1: error: expected ';' but found '$NodeDeallocationOption'\n")
    }

    @Test func anEvaluationErrorPrintsItsLocationToo() throws {
        let paths = try Self.write(["f.txt": "x = $PendingTasks.GetSample(TimeInterval_Minute, 50);"])
        let path = paths["f.txt"] ?? ""
        let outcome = try CommandRunner.run(["autoscale", path, "--at", "10m"])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError
                == "\(path):1:19: error: $PendingTasks.GetSample: 0 of 2 expected samples, fewer than 50%\n")
    }

    @Test func aByteOrderMarkIsSkippedAndADuplicateColumnIsAnError() throws {
        let paths = try Self.write([
            "bom.csv": "\u{FEFF}time,PendingTasks\n0,3\n", "twice.csv": "time,PendingTasks,$PendingTasks\n0,1,2\n",
            "f.txt": "x = $PendingTasks.GetSample(1);",
        ])
        let formula = paths["f.txt"] ?? ""
        let bom = try CommandRunner.run(["autoscale", formula, "--at", "1m", "--samples", paths["bom.csv"] ?? ""])
        #expect(bom.standardOutput == "$NodeDeallocationOption=requeue;x=[3]\n")
        let twice = try CommandRunner.run(["autoscale", formula, "--samples", paths["twice.csv"] ?? ""])
        #expect(twice.status == 1)
        #expect(twice.standardError == "\(paths["twice.csv"] ?? ""):1: error: $PendingTasks has two columns\n")
    }

    @Test func aBadSamplesColumnIsReportedWithItsLine() throws {
        let paths = try Self.write(["s.csv": "time,$MemoryBytes\n0,1\n", "f.txt": "x = 1;"])
        let outcome = try CommandRunner.run(["autoscale", paths["f.txt"] ?? "", "--samples", paths["s.csv"] ?? ""])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.hasPrefix(
                "\(paths["s.csv"] ?? ""):1: error: '$MemoryBytes' is not a sampled variable"))
    }

    @Test func randIsReproducibleFromOneRunToTheNext() throws {
        let paths = try Self.write(["r.txt": "x = rand(); y = rand();"])
        let first = try CommandRunner.run(["autoscale", paths["r.txt"] ?? ""])
        let second = try CommandRunner.run(["autoscale", paths["r.txt"] ?? ""])
        #expect(first.standardOutput == "$NodeDeallocationOption=requeue;x=0.8833108082136426;y=0.5665615751722809\n")
        #expect(first.standardOutput == second.standardOutput)
    }

    @Test func aDashReadsTheFormulaFromStandardInput() throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["autoscale", "-", "--at", "2h"]
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(
            Data("h = (time() - time(\"2026-01-05T00:00:00Z\")) / TimeInterval_Hour;\nx = y;".utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(printed == "<stdin>:2:5: error: y is used before it is assigned\n")
    }

    @Test func theHelpShowsAnExample() throws {
        let outcome = try CommandRunner.run(["autoscale", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("batchsim autoscale - --at 90s --samples samples.csv"))
    }
}
