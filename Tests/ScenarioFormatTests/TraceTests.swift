import BatchModel
import Foundation
import ScenarioFormat
import SimulationKernel
import Testing

@Suite struct TraceTests {
    private func scenario(in directory: URL, csv: String, tasks: String) throws -> URL {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("traces"), withIntermediateDirectories: true)
        try csv.write(to: directory.appendingPathComponent("traces/t.csv"), atomically: true, encoding: .utf8)
        let yaml = """
            name: traced
            pools: [{id: p1, dedicatedNodes: 1, taskSlotsPerNode: 2}]
            jobs:
              - id: a
                pool: p1
                tasks: \(tasks)
              - id: b
                pool: p1
                tasks: {arrival: {trace: traces/t.csv}, duration: 1m}
            """
        let file = directory.appendingPathComponent("s.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func rowsBelongToTheirJobs() throws {
        let csv = """
            submit,duration,requiredSlots,job
            0s,10m,1,a
            30s,,,b
            # a comment
            1m,"5m",2,

            90,1h,,b
            """
        let file = try scenario(in: try temporaryDirectory(), csv: csv, tasks: "{arrival: {trace: traces/t.csv}}")
        let loaded = try ScenarioLoader.load(path: file.path)
        let jobs = loaded.scenario.jobs
        #expect(jobs[0].tasks.count == 2)
        #expect(
            jobs[0].tasks.arrival
                == .trace([
                    TraceTask(submit: 0, duration: 10 * minute, requiredSlots: 1),
                    TraceTask(submit: minute, duration: 5 * minute, requiredSlots: 2),
                ]))
        #expect(jobs[1].tasks.count == 3)
        #expect(jobs[1].tasks.duration == .fixed(minute))
        #expect(
            jobs[1].tasks.arrival
                == .trace([
                    TraceTask(submit: 30_000), TraceTask(submit: minute, duration: 5 * minute, requiredSlots: 2),
                    TraceTask(submit: 90_000, duration: hour),
                ]))
    }

    @Test func crlfLineEndsReadExactlyLikeLF() throws {
        let lf = "submit,duration,requiredSlots,job\n0s,10m,1,a\n# a comment\n\n30s,,,b\n1m,\"5m\",2,\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let tasks = "{arrival: {trace: traces/t.csv}}"
        let fromLF = try ScenarioLoader.load(
            path: try scenario(in: try temporaryDirectory(), csv: lf, tasks: tasks).path)
        let fromCRLF = try ScenarioLoader.load(
            path: try scenario(in: try temporaryDirectory(), csv: crlf, tasks: tasks).path)
        #expect(fromCRLF.scenario.jobs == fromLF.scenario.jobs)
        #expect(fromLF.scenario.jobs.map(\.tasks.count) == [2, 2])
    }

    @Test func aByteOrderMarkAndAMissingLastLineEndAreFine() throws {
        let csv = "\u{FEFF}submit,duration\r\n0s,10m\r\n5s,1m"
        let file = try scenario(in: try temporaryDirectory(), csv: csv, tasks: "{arrival: {trace: traces/t.csv}}")
        #expect(try ScenarioLoader.load(path: file.path).scenario.jobs[0].tasks.count == 2)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let directory = try temporaryDirectory()
        let file = try scenario(
            in: directory, csv: "submit,job,duration\n0s,\"zürich\",soon\n", tasks: "{arrival: {trace: traces/t.csv}}")
        do {
            _ = try ScenarioLoader.load(path: file.path)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.first?.description
                    == "\(directory.path)/traces/t.csv:2:13: error: duration: expected a duration such as 90s, 10m "
                    + "or a number of seconds, found 'soon'")
        }
    }

    @Test func countMustMatchTheRows() throws {
        let file = try scenario(
            in: try temporaryDirectory(), csv: "submit,duration\n0,1m\n",
            tasks: "{count: 3, arrival: {trace: traces/t.csv}}")
        do {
            _ = try ScenarioLoader.load(path: file.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].message == "count: expected 1 (the trace's rows for this job), found 3")
            #expect(error.diagnostics[0].location?.line == 6)
        }
    }

    @Test func csvErrorsNameTheCSVFile() throws {
        let csv = """
            submit,duration
            0s,1m
            5x,1m
            1m,later
            """
        let directory = try temporaryDirectory()
        let file = try scenario(in: directory, csv: csv, tasks: "{arrival: {trace: traces/t.csv}}")
        do {
            _ = try ScenarioLoader.load(path: file.path)
            Issue.record("expected an error")
        } catch {
            let tracePath = directory.path + "/traces/t.csv"
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(tracePath):3:1: error: submit: expected a duration such as 90s, 10m or a number of seconds, found '5x'",
                    "\(tracePath):4:4: error: duration: expected a duration such as 90s, 10m or a number of seconds, "
                        + "found 'later'",
                ])
        }
    }

    @Test func missingDurationsNeedABlockDuration() throws {
        let file = try scenario(
            in: try temporaryDirectory(), csv: "submit\n0\n", tasks: "{arrival: {trace: traces/t.csv}}")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: file.path) }
    }

    @Test func badHeaderAndMissingFile() throws {
        let directory = try temporaryDirectory()
        let file = try scenario(
            in: directory, csv: "sumbit,duration\n0,1m\n", tasks: "{arrival: {trace: traces/t.csv}}")
        do {
            _ = try ScenarioLoader.load(path: file.path)
        } catch {
            #expect(error.diagnostics.first?.message == "unknown trace column 'sumbit'; did you mean 'submit'?")
            #expect(
                error.diagnostics.first?.location
                    == SourceLocation(file: directory.path + "/traces/t.csv", line: 1, column: 1))
        }
        let missing = errors(minimalScenario(taskExtra: "      arrival: {trace: nowhere.csv}"))
        #expect(missing.first?.message.contains("found no file at 'nowhere.csv'") == true)
        #expect(missing.first?.location?.line == 12)
    }
}
