import BatchModel
import Foundation
import Testing

@testable import ScenarioFormat

/// `Scenarios/scenario.schema.json` (for editors) and the loader accept the same fields: every key the
/// loader knows is a property of the matching schema definition and vice versa, enumerations agree, and
/// every fixture in `Scenarios/` is valid against the schema.
struct SchemaSyncTests {
    static let scenarios: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Scenarios")
    }()

    /// Read afresh on each use: a `[String: Any]` cannot be shared between concurrent tests.
    static var schema: [String: Any] {
        let data = (try? Data(contentsOf: scenarios.appendingPathComponent("scenario.schema.json"))) ?? Data()
        return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }

    static var definitions: [String: [String: Any]] {
        (schema["definitions"] as? [String: [String: Any]]) ?? [:]
    }

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// The property names a schema object describes: its own and those of its direct `anyOf`/`oneOf` branches.
    static func propertyNames(_ schema: [String: Any]) -> Set<String> {
        var names = Set(((schema["properties"] as? [String: Any]) ?? [:]).keys)
        for key in ["anyOf", "oneOf"] {
            for branch in (schema[key] as? [[String: Any]]) ?? [] {
                names.formUnion(((branch["properties"] as? [String: Any]) ?? [:]).keys)
            }
        }
        return names
    }

    @Test func theSchemaIsDraft07() {
        #expect(Self.schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
    }

    @Test(arguments: FormatVocabulary.mappings.keys.sorted())
    func everyMappingOfTheLoaderIsInTheSchema(_ name: String) throws {
        let definition = try #require(name == "scenario" ? Self.schema : Self.definitions[name], "no definition")
        let keys = try #require(FormatVocabulary.mappings[name])
        #expect(Self.propertyNames(definition) == Set(keys))
    }

    @Test(arguments: TimelineAction.allNames)
    func everyActionIsInTheSchema(_ action: String) throws {
        let definition = try #require(Self.definitions["action-\(action)"])
        #expect(Self.propertyNames(definition) == Set(try #require(FormatVocabulary.actions[action])))
        let properties = definition["properties"] as? [String: Any]
        #expect((properties?["action"] as? [String: Any])?["const"] as? String == action)
        #expect(definition["additionalProperties"] as? Bool == false)
    }

    @Test func theTimelineEntryIsOneOfTheActions() throws {
        let entry = try #require(Self.definitions["timelineEntry"])
        let references = ((entry["oneOf"] as? [[String: Any]]) ?? []).compactMap { $0["$ref"] as? String }
        #expect(references == TimelineAction.allNames.map { "#/definitions/action-\($0)" })
    }

    @Test(arguments: FormatVocabulary.enumerations.keys.sorted())
    func enumerationsAgree(_ name: String) throws {
        let values = try #require(Self.definitions[name]?["enum"] as? [String])
        #expect(values == FormatVocabulary.enumerations[name])
    }

    /// The other direction: every object the schema describes is one the loader reads.
    @Test func everyObjectOfTheSchemaIsKnownToTheLoader() {
        for (name, definition) in Self.definitions where !Self.propertyNames(definition).isEmpty {
            let known = FormatVocabulary.mappings[name] != nil || name.hasPrefix("action-") || name == "timelineEntry"
            #expect(known, "schema definition '\(name)' has no counterpart in FormatVocabulary")
        }
        let actions = Self.definitions.keys.filter { $0.hasPrefix("action-") }.map { String($0.dropFirst(7)) }
        #expect(Set(actions) == Set(TimelineAction.allNames))
    }

    @Test func expectKeysInTheSchemaComeFromTheMetricTable() throws {
        let properties = try #require(Self.schema["properties"] as? [String: Any])
        let expect = try #require(properties["expect"] as? [String: Any])
        let names = try #require(expect["propertyNames"] as? [String: Any])
        #expect(names["pattern"] as? String == SummaryKey.expectKeyPattern)
    }

    @Test func everyMetricOfAScenarioMatchesTheSchemaAndAMisspellingDoesNot() throws {
        let regex = try Regex(SummaryKey.expectKeyPattern)
        for key in SummaryKey.all(jobIds: ["render-1"], poolIds: ["pool_a"]) {
            #expect(key.description.wholeMatch(of: regex) != nil, "\(key)")
            #expect(SummaryKey(name: key.description) == key)
        }
        for wrong in ["tasks.complete", "impact.tasks.makespan", "jobs.a.b.completed", "baseline.impact.extraCost"] {
            #expect(wrong.wholeMatch(of: regex) == nil, "\(wrong)")
            #expect(SummaryKey(name: wrong) == nil, "\(wrong)")
        }
    }

    @Test(arguments: fixtures)
    func fixtureIsValidAgainstTheSchema(_ file: String) throws {
        let text = try String(contentsOf: Self.scenarios.appendingPathComponent(file), encoding: .utf8)
        let node = try #require(try YAMLTree.parse(text, file: file))
        #expect(SchemaSubsetValidator(root: Self.schema).validate(node) == [])
    }

    /// SPEC §6: a pool's `preemption:`, the start task's new fields and `preemptNodes`, right and wrong.
    @Test func capacityFieldsAreDescribed() throws {
        let valid = """
            name: x
            pools:
              - id: p
                lowPriorityNodes: 30
                preemption: {ratePerNodeHour: 0.05, capacityReturnsAfter: {exponential: {mean: 20m}}}
                startTask: {duration: 90s, failureProbability: 0.02, maxTaskRetryCount: 2, waitForSuccess: true}
            jobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]
            timeline: [{at: 2h, action: preemptNodes, pool: p, count: 12}, {at: 3h, action: preemptNodes, pool: p}]
            """
        let validNode = try #require(try YAMLTree.parse(valid, file: "x.yaml"))
        #expect(SchemaSubsetValidator(root: Self.schema).validate(validNode) == [])
        let wrong = """
            name: x
            pools:
              - id: p
                preemption: {ratePerNodeHour: 1001, capacityReturnsAfter: soon, rate: 1}
                startTask: {duration: 90s, failureProbability: 1.5, maxTaskRetryCount: -1}
            jobs: [{id: j, pool: p, tasks: {count: 1, duration: 1m}}]
            timeline: [{at: 2h, action: preemptNodes, pool: p, count: 0}, {at: 3h, action: preemptNodes}]
            """
        let wrongNode = try #require(try YAMLTree.parse(wrong, file: "x.yaml"))
        let problems = SchemaSubsetValidator(root: Self.schema).validate(wrongNode)
        let expected = [
            "$.pools[0].preemption.ratePerNodeHour: 1001", "$.pools[0].preemption.capacityReturnsAfter: 'soon'",
            "$.pools[0].preemption: unknown property 'rate'", "$.pools[0].startTask.failureProbability: 1.5",
            "$.pools[0].startTask.maxTaskRetryCount: -1", "$.timeline[0]", "$.timeline[1]",
        ]
        for fragment in expected {
            #expect(problems.contains { $0.contains(fragment) }, "\(fragment) in \(problems)")
        }
    }

    @Test func theValidatorCatchesMistakes() throws {
        let text = """
            name: x
            pools: [{id: p, dedicatedNodez: 2, taskSlotsPerNode: 300}]
            jobs: [{id: j, pool: p, tasks: {count: 1, duration: 10 minutes}}]
            timeline: [{at: 1h, action: disableKey}, {at: 2h, action: deleteVault, key: k}]
            expect: {tasks.completed: {atLest: 1}, tasks.complete: 1}
            """
        let node = try #require(try YAMLTree.parse(text, file: "x.yaml"))
        let problems = SchemaSubsetValidator(root: Self.schema).validate(node)
        let expected = [
            "$.pools[0]: unknown property 'dedicatedNodez'", "$.pools[0].taskSlotsPerNode: 300",
            "$.jobs[0].tasks.duration", "$.timeline[0]", "$.timeline[1]", "$.expect.tasks.completed",
            "$.expect.tasks.complete",
        ]
        for fragment in expected {
            #expect(problems.contains { $0.contains(fragment) }, "\(fragment) in \(problems)")
        }
    }
}
