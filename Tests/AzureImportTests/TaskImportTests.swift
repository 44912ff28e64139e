import AzureImport
import BatchModel
import Foundation
import ScenarioFormat
import Testing

/// Jobs and tasks: one task, an array, a task collection, a `task list` page, with and without
/// execution info; measured durations and arrivals go to the trace CSV.
struct TaskImportTests {
    static func task(
        _ id: String, created: String? = nil, start: String? = nil, end: String? = nil,
        result: String? = nil, slots: Int? = nil, job: String? = nil
    ) -> String {
        var fields = [#""id": "\#(id)""#, #""commandLine": "run \#(id)""#]
        if let created { fields.append(#""creationTime": "\#(created)""#) }
        if let start, let end {
            let outcome = result.map { #", "result": "\#($0)""# } ?? ""
            fields.append(#""executionInfo": {"startTime": "\#(start)", "endTime": "\#(end)"\#(outcome)}"#)
        }
        if let slots { fields.append(#""requiredSlots": \#(slots)"#) }
        if let job { fields.append(#""url": "https://a.b.batch.azure.com/jobs/\#(job)/tasks/\#(id)""#) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    @Test func aTaskListPageWithExecutionInfoGivesMeasuredDurationsAndArrivals() throws {
        let page =
            #"{"odata.metadata": "x", "value": ["#
            + Self.task(
                "t1", created: "2026-11-03T14:00:00Z", start: "2026-11-03T14:00:05Z", end: "2026-11-03T14:30:05Z",
                result: "success", slots: 2)
            + ", "
            + Self.task(
                "t2", created: "2026-11-03T14:01:30.5+00:00", start: "2026-11-03T14:02:00.000000+00:00",
                end: "2026-11-03T14:12:00.000000+00:00", result: "failure")
            + "]}"
        let result = try ImportFixtures.run([
            ("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job), ("tasks.json", page),
        ])
        #expect(
            result.trace
                == """
                # Imported by `batchsim import`: one row per task, after a comment naming its file and JSON path.
                submit,duration,requiredSlots,job
                # tasks.json $.value[0] (t1)
                0s,30m,2,frames
                # tasks.json $.value[1] (t2)
                1m30s500ms,10m,,frames

                """)
        let values = ImportFixtures.values(result)
        #expect(values.contains("arrival: {trace: imported.trace.csv}"))
        #expect(values.contains("failureProbability: 0.5"))
        #expect(!values.contains { $0.hasPrefix("duration:") }, "every task has a measured duration")
        let loaded = try ImportFixtures.load(result)
        #expect(loaded.scenario.jobs.first?.id == "frames")
    }

    @Test func tasksWithoutExecutionInfoTakeTheTaskDurationOptionOrADefaultWithAWarning() throws {
        let tasks = "[" + Self.task("a") + ", " + Self.task("b", slots: 2) + "]"
        let documents = [("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job), ("tasks.json", tasks)]
        let defaulted = try ImportFixtures.run(documents)
        #expect(ImportFixtures.values(defaulted).contains("duration: 10m"))
        #expect(defaulted.warnings.contains { $0.contains("no measured duration: 10m (set --task-duration)") })
        #expect(defaulted.trace?.contains("0s,,2,frames") == true)
        let given = try ImportFixtures.run(documents, options: ImportOptions(taskDuration: "45m"))
        #expect(ImportFixtures.values(given).contains("duration: 45m"))
        #expect(!given.warnings.contains { $0.contains("no measured duration") })
        _ = try ImportFixtures.load(given)
    }

    @Test func theTaskDurationOptionAlsoTakesAzureSpellings() throws {
        let documents = [
            ("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job), ("tasks.json", Self.task("a")),
        ]
        let iso = try ImportFixtures.run(documents, options: ImportOptions(taskDuration: "PT45M"))
        #expect(ImportFixtures.values(iso).contains("duration: 45m"))
        let cli = try ImportFixtures.run(documents, options: ImportOptions(taskDuration: "1:30:00"))
        #expect(ImportFixtures.values(cli).contains("duration: 1h30m"))
        #expect(throws: ImportFailure.self) {
            _ = try ImportFixtures.run(documents, options: ImportOptions(taskDuration: "soon"))
        }
    }

    @Test func aSingleTaskAndATaskCollectionBothImport() throws {
        let single = #"{"id": "task1", "requiredSlots": 2, "commandLine": "cmd /c echo task1"}"#
        let collection = #"{"value": [{"id": "c1", "commandLine": "x", "constraints": {"maxTaskRetryCount": 5}}]}"#
        let result = try ImportFixtures.run([
            ("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job), ("one.json", single),
            ("many.json", collection),
        ])
        #expect(result.trace?.components(separatedBy: ",frames").count == 3)
        #expect(ImportFixtures.values(result).contains("maxTaskRetryCount: 5"))
    }

    @Test func tasksAttachToTheJobInTheirUrl() throws {
        let second = #"{"id": "reports", "poolInfo": {"poolId": "render"}}"#
        let tasks = "[" + Self.task("a", job: "reports") + ", " + Self.task("b", job: "frames") + "]"
        let result = try ImportFixtures.run([
            ("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job), ("job2.json", second),
            ("tasks.json", tasks),
        ])
        #expect(result.trace?.contains("0s,,,reports") == true)
        #expect(result.trace?.contains("0s,,,frames") == true)
    }

    @Test func aTaskWithoutAJobAmongSeveralIsAnError() {
        let second = #"{"id": "reports", "poolInfo": {"poolId": "render"}}"#
        let errors = ImportFixtures.errors([
            ("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job), ("job2.json", second),
            ("tasks.json", "[" + Self.task("a") + "]"),
        ])
        #expect(
            errors == [
                "tasks.json:1:2: error: task 'a' belongs to no job: its url names none and there are 2 jobs (at $[0])"
            ])
    }

    @Test func aJobWithoutTasksImportsWithAWarning() throws {
        let result = try ImportFixtures.run([("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job)])
        #expect(ImportFixtures.values(result).contains("count: 0"))
        #expect(result.warnings.contains("job 'frames' has no task documents: it imports with no tasks"))
        _ = try ImportFixtures.load(result)
    }

    @Test func aJobNamingAPoolNoFileDefinesIsAnErrorWithItsPath() {
        let errors = ImportFixtures.errors([
            ("pool.json", #"{"id": "other", "vmSize": "x"}"#), ("job.json", ImportFixtures.job),
        ])
        #expect(
            errors == [
                "job.json:1:41: error: job 'frames' runs on pool 'render', which no file defines (at $.poolInfo.poolId)"
            ])
    }

    @Test func anUnknownDocumentIsAnErrorWithItsPath() {
        let errors = ImportFixtures.errors([("odd.json", #"[{"hello": "world"}]"#)])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("odd.json:1:2: error: unknown document") == true)
        #expect(errors.first?.hasSuffix("(at $[0])") == true)
    }

    @Test func malformedJSONIsAnErrorWithFileLineAndColumn() {
        let errors = ImportFixtures.errors([("bad.json", "{\n  \"id\": \"p\",\n  \"vmSize\": \n}")])
        #expect(errors == ["bad.json:4:1: error: expected a JSON value, found '}'"])
    }

    @Test func importingTheSameDocumentsTwiceGivesTheSameBytes() throws {
        let documents = [
            ("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job),
            ("tasks.json", "[" + Self.task("a", created: "2026-01-01T00:00:00Z") + "]"),
        ]
        #expect(try ImportFixtures.run(documents) == ImportFixtures.run(documents))
    }
}

/// A scenario needs a pool and a job: an import without either says which document to export.
struct MissingDocumentTests {
    @Test func anImportWithoutPoolsOrJobsSaysWhatToExport() {
        let errors = ImportFixtures.errors([("tasks.json", #"[{"id": "a", "commandLine": "x"}]"#)])
        #expect(errors.contains { $0.contains("no pool document among the files") })
        #expect(errors.contains { $0.contains("no job document among the files") })
    }
}
