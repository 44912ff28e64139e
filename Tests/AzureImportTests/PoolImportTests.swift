import AutoscaleFormula
import AzureImport
import BatchModel
import Foundation
import ScenarioFormat
import Testing

/// Pools in every spelling SPEC rule 29 names: the data-plane REST body, the CLI's output, the old
/// `maxTasksPerNode`, `nodeFillType` in any case, autoscale, and the management plane's `scaleSettings`.
struct PoolImportTests {
    @Test func aRestPoolBodyBecomesAPoolWithEveryLineSourced() throws {
        let result = try ImportFixtures.run([("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job)])
        let values = ImportFixtures.values(result)
        #expect(values.contains("- id: render"))
        #expect(values.contains("vmSize: Standard_D4s_v3"))
        #expect(values.contains("dedicatedNodes: 4"))
        #expect(values.contains("taskSlotsPerNode: 2"))
        #expect(result.scenario.contains("dedicatedNodes: 4                       # pool.json $.targetDedicatedNodes"))
        let loaded = try ImportFixtures.load(result)
        #expect(loaded.scenario.pools.count == 1)
    }

    @Test func maxTasksPerNodeIsTheOldNameOfTaskSlotsPerNode() throws {
        let pool = #"{"id": "p", "vmSize": "small", "targetDedicatedNodes": 1, "maxTasksPerNode": 4}"#
        let result = try ImportFixtures.run([("pool.json", pool), ImportFixtures.job(on: "p")])
        #expect(result.scenario.contains("taskSlotsPerNode: 4                     # pool.json $.maxTasksPerNode"))
    }

    @Test(arguments: ["pack", "Pack", "PACK", "Spread", "spread", "SPREAD"])
    func nodeFillTypeIsReadInAnyCase(_ spelling: String) throws {
        let pool = #"{"id": "p", "vmSize": "x", "taskSchedulingPolicy": {"nodeFillType": "\#(spelling)"}}"#
        let result = try ImportFixtures.run([("pool.json", pool), ImportFixtures.job(on: "p")])
        #expect(ImportFixtures.values(result).contains("nodeFillType: \(spelling.lowercased())"))
        _ = try ImportFixtures.load(result)
    }

    @Test func anUnknownNodeFillTypeIsAnErrorWithItsPath() {
        let pool = #"{"id": "p", "vmSize": "x", "taskSchedulingPolicy": {"nodeFillType": "round"}}"#
        let errors = ImportFixtures.errors([("pool.json", pool)])
        #expect(
            errors == [
                #"pool.json:1:69: error: nodeFillType: expected spread or pack, found "round" (at $.taskSchedulingPolicy.nodeFillType)"#
            ])
    }

    @Test func aStartTaskKeepsItsSettingsAndStatesItsUnknownDuration() throws {
        let pool =
            #"{"id": "p", "vmSize": "x", "startTask": {"commandLine": "setup", "waitForSuccess": true, "maxTaskRetryCount": 2}}"#
        let result = try ImportFixtures.run([("pool.json", pool), ImportFixtures.job(on: "p")])
        let values = ImportFixtures.values(result)
        #expect(values.contains("startTask:"))
        #expect(values.contains("waitForSuccess: true"))
        #expect(values.contains("maxTaskRetryCount: 2"))
        #expect(result.warnings.contains { $0.contains("start task durations are not in the JSON") })
        #expect(result.warnings.contains { $0.contains("pool.startTask field 'commandLine'") })
        _ = try ImportFixtures.load(result)
    }

    @Test func anAutoscalePoolImportsItsFormulaAndInterval() throws {
        let pool = #"""
            {"id": "auto", "vmSize": "x", "enableAutoScale": true, "autoScaleFormula": "$TargetDedicatedNodes = 3;",
             "autoScaleEvaluationInterval": "PT5M", "targetDedicatedNodes": 3}
            """#
        let result = try ImportFixtures.run([("pool.json", pool), ImportFixtures.job(on: "auto")])
        let values = ImportFixtures.values(result)
        #expect(values.contains("formula: '$TargetDedicatedNodes = 3;'"))
        #expect(values.contains("evaluationInterval: 5m"))
        #expect(!values.contains { $0.contains("dedicatedNodes") })
        #expect(result.scenario.contains("pool.json $.autoScaleFormula"))
        #expect(!result.warnings.contains { $0.contains("autoscales") })
        let loaded = try ImportFixtures.load(result)
        #expect(loaded.scenario.pools[0].autoScale?.formula.text == "$TargetDedicatedNodes = 3;")
        #expect(loaded.scenario.pools[0].autoScale?.evaluationInterval == Int64(5 * 60_000))
    }

    /// A formula over several lines with `//` comments is written as a literal block, so that the
    /// comments still end at their newlines; without an interval it takes the service's 15 minutes.
    @Test func aMultiLineFormulaKeepsItsLinesAndTheDefaultInterval() throws {
        let formula = "// grow with the queue\n$TargetDedicatedNodes = min(4, $PendingTasks.GetSample(1)); // cap\n"
        let pool =
            #"{"id": "auto", "vmSize": "x", "enableAutoScale": true, "autoScaleFormula": ""#
            + formula.replacingOccurrences(of: "\n", with: "\\n") + #""}"#
        let result = try ImportFixtures.run([("pool.json", pool), ImportFixtures.job(on: "auto")])
        #expect(result.scenario.contains("\n      formula: |"))
        #expect(result.scenario.contains("\n        // grow with the queue\n"))
        #expect(ImportFixtures.values(result).contains("evaluationInterval: 15m"))
        let loaded = try ImportFixtures.load(result)
        #expect(loaded.scenario.pools[0].autoScale?.formula.text == formula)
        #expect(loaded.scenario.pools[0].autoScale?.evaluationInterval == Int64(15 * 60_000))
    }

    @Test(arguments: [
        (
            #""autoScaleFormula": "$TargetDedicatedNodes = ;", "autoScaleEvaluationInterval": "PT5M""#,
            "its formula does not load in batchsim"
        ),
        (
            #""autoScaleFormula": "$TargetDedicatedNodes = 3;", "autoScaleEvaluationInterval": "PT1M""#,
            "its evaluation interval is outside 5 minutes to 168 hours"
        ),
        (#""autoScaleEvaluationInterval": "PT5M""#, "no formula is given"),
    ])
    func anAutoscalePoolBatchsimCannotSimulateKeepsItsCounts(_ fields: String, _ why: String) throws {
        let pool =
            #"{"id": "auto", "vmSize": "x", "enableAutoScale": true, "currentDedicatedNodes": 3, "#
            + fields + "}"
        let result = try ImportFixtures.run([("pool.json", pool), ImportFixtures.job(on: "auto")])
        #expect(ImportFixtures.values(result).contains("dedicatedNodes: 3"))
        #expect(!ImportFixtures.values(result).contains("autoScale:"))
        #expect(result.warnings.contains { $0.hasPrefix("pool 'auto' autoscales, but \(why)") })
        _ = try ImportFixtures.load(result)
    }

    @Test func aMalformedAutoscaleIntervalIsAnError() {
        let pool =
            #"{"id": "auto", "vmSize": "x", "enableAutoScale": true, "autoScaleEvaluationInterval": "5 minutes"}"#
        let errors = ImportFixtures.errors([("pool.json", pool)])
        #expect(errors.count == 1)
        #expect(errors.first?.contains("expected an ISO 8601 duration such as PT5M") == true)
    }

    @Test func aManagementPlanePoolReadsScaleSettingsAndTakesItsIdFromTheName() throws {
        let pool = #"""
            {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Batch/batchAccounts/acct/pools/render",
             "name": "render", "type": "Microsoft.Batch/batchAccounts/pools",
             "properties": {"vmSize": "STANDARD_D2S_V3", "taskSlotsPerNode": 2,
               "taskSchedulingPolicy": {"nodeFillType": "Pack"},
               "scaleSettings": {"fixedScale": {"targetDedicatedNodes": 3, "targetLowPriorityNodes": 2, "resizeTimeout": "PT15M"}},
               "startTask": {"waitForSuccess": false}}}
            """#
        let result = try ImportFixtures.run([("arm-pool.json", pool), ImportFixtures.job(on: "render")])
        let values = ImportFixtures.values(result)
        #expect(values.contains("- id: render"))
        #expect(values.contains("dedicatedNodes: 3"))
        #expect(values.contains("lowPriorityNodes: 2"))
        #expect(values.contains("nodeFillType: pack"))
        #expect(values.contains("waitForSuccess: false"))
        #expect(result.scenario.contains("arm-pool.json $.properties.scaleSettings.fixedScale.targetDedicatedNodes"))
        #expect(result.warnings.contains { $0.contains("pool.scaleSettings.fixedScale field 'resizeTimeout'") })
    }

    @Test func aManagementPlaneAutoscalePoolImportsItsScaleSettings() throws {
        let pool = #"""
            {"name": "acct/auto", "type": "Microsoft.Batch/batchAccounts/pools",
             "properties": {"vmSize": "x", "currentDedicatedNodes": 2,
               "scaleSettings": {"autoScale": {"formula": "$TargetDedicatedNodes = 2;", "evaluationInterval": "PT5M"}}}}
            """#
        let result = try ImportFixtures.run([("arm-pool.json", pool), ImportFixtures.job(on: "auto")])
        #expect(ImportFixtures.values(result).contains("- id: auto"))
        #expect(ImportFixtures.values(result).contains("formula: '$TargetDedicatedNodes = 2;'"))
        #expect(ImportFixtures.values(result).contains("evaluationInterval: 5m"))
        #expect(result.scenario.contains("arm-pool.json $.properties.scaleSettings.autoScale.formula"))
        #expect(!ImportFixtures.values(result).contains("dedicatedNodes: 2"))
    }

    @Test func pricesMatchVmSizeIgnoringCaseAndUnknownOnesAreWarned() throws {
        let options = ImportOptions(prices: [("standard_d4s_v3", "0.192"), ("Standard_E2", "0.1")])
        let result = try ImportFixtures.run(
            [("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job)], options: options)
        #expect(ImportFixtures.values(result).contains("pricePerNodeHour: 0.192"))
        #expect(result.warnings.contains("--price Standard_E2=0.1 matches no pool's vmSize"))
        let unpriced = try ImportFixtures.run([("pool.json", ImportFixtures.pool), ("job.json", ImportFixtures.job)])
        #expect(unpriced.warnings.contains { $0.contains("prices are not in the JSON") })
    }
}
