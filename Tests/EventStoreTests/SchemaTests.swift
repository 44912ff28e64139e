import BatchModel
import Foundation
import ScenarioFormat
import Testing

/// The schema as built matches `docs/event-log.md`: version, numbering of runs, REST
/// spellings, codes, and every table, view, column and index documented.
struct SchemaTests {
    static let document = try! String(
        contentsOfFile: EventLogFixture.repositoryRoot.appendingPathComponent("docs/event-log.md").path,
        encoding: .utf8
    )

    @Test func userVersionIsOne() throws {
        let reader = try LogReader(EventLogFixture.workedExample.path)
        #expect(try reader.int("PRAGMA user_version") == 4)
        #expect(Self.document.contains("`PRAGMA user_version` is `4`"))
    }

    @Test func runOneIsTheScenarioAndRunTwoItsBaseline() throws {
        let reader = try LogReader(EventLogFixture.workedExample.path)
        #expect(
            try reader.rendered("SELECT run_id, variant, scenario, seed, horizon_ms, end_ms, status FROM runs") == [
                "1 | scenario | worked-example | 0 | NULL | 6600000 | complete",
                "2 | baseline | worked-example | 0 | NULL | 3600000 | complete",
            ]
        )
        // The baseline keeps no key action.
        #expect(
            try reader.rendered("SELECT run_id, action FROM timeline ORDER BY run_id, entry_index") == [
                "1 | disableKey", "1 | enableKey",
            ])
    }

    @Test func eventsReadableUsesTheRESTSpellings() throws {
        let reader = try LogReader(EventLogFixture.workedExample.path)
        let transitions = try reader.rendered(
            """
            SELECT DISTINCT entity, event, from_state, to_state FROM events_readable
            WHERE run_id = 1 AND from_state IS NOT NULL
            ORDER BY entity, event, from_state, to_state
            """
        )
        #expect(
            transitions == [
                "account | stateChanged | accessible | keyInaccessible",
                "account | stateChanged | keyInaccessible | recovering",
                "account | stateChanged | recovering | accessible",
                "node | stateChanged | creating | idle",
                "node | stateChanged | idle | running",
                "node | stateChanged | running | idle",
                "node | stateChanged | running | unusable",
                "node | stateChanged | unusable | idle",
                "task | taskCompleted | running | completed",
                "task | taskRequeued | running | active",
                "task | taskStarted | active | running",
            ]
        )
        #expect(
            try reader.rendered(
                """
                SELECT entity_name, event, to_state FROM events_readable
                WHERE run_id = 1 AND ((entity = 'node' AND entity_id = 3) OR (entity = 'task' AND entity_id = 4)
                                      OR entity = 'key') AND time_ms = 1800000
                ORDER BY seq
                """
            ) == [
                "cmk | actionApplied | NULL",
                "pool/node-3 | stateChanged | unusable",
                "job/task-4 | taskRequeued | active",
            ]
        )
        // Why the key was lost: the disabled version.
        #expect(
            try reader.int(
                "SELECT detail FROM events_readable WHERE run_id = 1 AND entity = 'account' AND to_state = 'keyInaccessible'"
            ) == Int64(AccessProblem.versionDisabled.rawValue)
        )
    }

    @Test func accountTimelineNamesTheActions() throws {
        let reader = try LogReader(EventLogFixture.workedExample.path)
        #expect(
            try reader.rendered(
                "SELECT time_s, entity, event, from_state, to_state, action FROM account_timeline WHERE run_id = 1 ORDER BY seq"
            ) == [
                "1800.0 | key | actionApplied | NULL | NULL | disableKey",
                "1800.0 | account | stateChanged | accessible | keyInaccessible | NULL",
                "2400.0 | key | actionApplied | NULL | NULL | enableKey",
                "2400.0 | account | stateChanged | keyInaccessible | recovering | NULL",
                "3000.0 | account | stateChanged | recovering | accessible | NULL",
            ]
        )
        #expect(try reader.int("SELECT COUNT(*) FROM account_timeline WHERE run_id = 2") == 0)
    }

    @Test func theLookupTablesAreTheDocumentedCodes() throws {
        let reader = try LogReader(EventLogFixture.workedExample.path)
        let entities = try reader.rows("SELECT code, name FROM entity_types ORDER BY code")
        #expect(entities.count == EntityKind.allCases.count)
        for row in entities {
            #expect(Self.document.contains("| \(row[0]!) | `\(row[1]!)` |"), "entity type \(row)")
        }
        let events = try reader.rows("SELECT code, name FROM event_names ORDER BY code")
        #expect(events.count == EventName.allCases.count)
        for row in events {
            #expect(Self.document.contains("| \(row[0]!) | `\(row[1]!)` |"), "event \(row)")
        }
        let states = try reader.rows(
            "SELECT et.name, s.code, s.name FROM states s JOIN entity_types et ON et.code = s.entity_type"
        )
        #expect(states.count == 21)
        for row in states {
            #expect(Self.document.contains("| \(row[0]!) | \(row[1]!) | `\(row[2]!)` |"), "state \(row)")
        }
    }

    @Test func theAccessProblemCodesAreDocumented() {
        let lines = Self.document.components(separatedBy: "\n")
        for problem in AccessProblem.allCases {
            let documented = lines.contains { line in
                line.hasPrefix("| \(problem.rawValue) | `") && line.hasSuffix("— \(problem.description) |")
            }
            #expect(documented, "access problem \(problem.rawValue): \(problem.description)")
        }
    }

    @Test func everyTableViewColumnAndIndexIsDocumented() throws {
        let reader = try LogReader(EventLogFixture.workedExample.path)
        let objects = try reader.rows(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY name"
        )
        let expected: Set = [
            "runs", "warnings", "entity_types", "event_names", "states", "pools", "jobs", "keys", "key_versions",
            "access_problems", "timeline",
            "events", "tasks", "nodes", "autoscale_runs", "metrics", "events_readable", "node_state_intervals",
            "task_attempts",
            "account_timeline", "task_requeues", "events_by_entity", "events_by_time",
        ]
        #expect(Set(objects.map { $0[1]! }) == expected)
        for object in objects {
            let name = object[1]!
            #expect(Self.document.contains("`\(name)`"), "\(object[0]!) \(name) is not documented")
            guard object[0] != "index" else { continue }
            for column in try reader.rows("SELECT name FROM pragma_table_info('\(name)')") {
                #expect(Self.document.contains("`\(column[0]!)`"), "column \(name).\(column[0]!) is not documented")
            }
        }
        #expect(
            try reader.rendered("SELECT name FROM pragma_index_info('events_by_entity')") == [
                "run_id", "entity_type", "entity_id",
            ]
        )
        #expect(try reader.rendered("SELECT name FROM pragma_index_info('events_by_time')") == ["run_id", "time_ms"])
    }

    @Test func keyVersionsNameWhatVersionEventsReferTo() throws {
        // A rotation policy adds auto-1 at 1h: versionAdded's detail indexes key_versions.
        let yaml = """
            name: rotating
            account:
              name: acct
              encryption: {keyIdentifier: "https://kv-one.vault.azure.net/keys/cmk"}
            keyVault:
              name: kv-one
              accessPolicies: [{principal: acct, keyPermissions: [get, wrapKey, unwrapKey]}]
              keys: [{name: cmk, versions: [V1], rotationPolicy: {rotateEvery: 1h}}]
            pools: [{id: pool, dedicatedNodes: 1}]
            jobs: [{id: job, pool: pool, tasks: {count: 1, duration: 90m}}]
            """
        let built = try EventLogFixture.build(ScenarioLoader.load(text: yaml, path: "<rotating>"))
        let reader = try LogReader(built.path)
        #expect(
            try reader.rendered(
                """
                SELECT v.version FROM events e JOIN event_names n ON n.code = e.event
                JOIN key_versions v ON v.run_id = e.run_id AND v.key_index = e.entity_id AND v.version_index = e.detail
                WHERE e.run_id = 1 AND n.name = 'versionAdded'
                """
            ) == ["auto-1"]
        )
        #expect(try reader.int("SELECT COUNT(*) FROM key_versions WHERE run_id = 1") == 2)
        #expect(try reader.int("SELECT COUNT(*) FROM access_problems") == 12)
    }

    @Test func theNodesTableCoversEveryStateANodeSpendsTimeIn() throws {
        // `starting` has no column: the model never enters it (the document says so).
        let reader = try LogReader(EventLogFixture.shared("churn").path)
        #expect(
            try reader.int("SELECT COUNT(*) FROM events_readable WHERE entity = 'node' AND to_state = 'starting'") == 0)
        #expect(Self.document.contains("The model never enters node `starting`"))
    }
}
