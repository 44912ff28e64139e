import BatchModel
import Foundation
import ScenarioFormat
import SimulationKernel
import Testing

/// The example of SPEC §3, verbatim.
let specExample = """
    name: key-disabled-45m
    description: The CMK is disabled for 45 minutes during the afternoon peak.
    seed: 7
    horizon: 12h              # optional; default: until all work is done (capped)
    account:
      name: contoso-batch
      region: West US 2
      identity: SystemAssigned        # or UserAssigned, or None
      encryption:
        keySource: Microsoft.KeyVault
        keyIdentifier: https://contoso-kv.vault.azure.net/keys/batch-cmk/4f0c0e1d9a3b4c5d8e7f6a5b4c3d2e1f
      detectionDelay: 0s
      recoveryDelay: 10m      # or {uniform: [0s, 10m]}
    keyVault:
      name: contoso-kv
      permissionModel: accessPolicy   # or rbac (with roleAssignments)
      softDelete: true
      purgeProtection: true
      retentionDays: 90
      accessPolicies:
        - principal: contoso-batch
          keyPermissions: [get, wrapKey, unwrapKey]
      keys:
        - name: batch-cmk
          type: RSA
          size: 2048
          versions: [4f0c0e1d9a3b4c5d8e7f6a5b4c3d2e1f]
          rotationPolicy: none          # or {rotateEvery: 90d}
    pools:
      - id: render
        vmSize: Standard_D4s_v3
        dedicatedNodes: 40
        lowPriorityNodes: 0
        taskSlotsPerNode: 4
        nodeFillType: spread
        allocationDelay: {uniform: [3m, 6m]}
        startTask: {duration: 90s}
        pricePerNodeHour: {dedicated: 0.192, lowPriority: 0.038}
    jobs:
      - id: frames
        pool: render
        priority: 100
        tasks:
          count: 4000
          arrival: {every: 5s}           # or {at: 0s} | {poisson: {perHour: 600}} | {trace: traces/frames.csv}
          duration: {lognormal: {median: 12m, sigma: 0.4}}
          requiredSlots: 1
          maxTaskRetryCount: 3
          checkpointEvery: none
        client: {onRejected: {retryEvery: 1m, maxAttempts: 60}}   # or drop
    timeline:
      - at: 3h
        action: disableKey
        key: batch-cmk
      - after: 45m            # relative to the previous entry
        action: enableKey
        key: batch-cmk
    expect:                   # outage 3h-3h45m + 10m recovery = 3300 s
      tasks.completed: 4000
      tasks.dropped: 0
      account.outages: 1
      account.unavailableSeconds: 3300
      nodes.unusableNodeSeconds: 132000
      impact.makespanDelaySeconds: {atLeast: 2700}
    """

@Suite struct ExampleScenarioTests {
    @Test func topLevelAndAccount() throws {
        let loaded = try load(specExample, path: "Scenarios/example.yaml")
        let scenario = loaded.scenario
        #expect(scenario.name == "key-disabled-45m")
        #expect(scenario.description == "The CMK is disabled for 45 minutes during the afternoon peak.")
        #expect(scenario.seed == 7)
        #expect(scenario.horizon == 12 * hour)
        #expect(scenario.account.name == "contoso-batch")
        #expect(scenario.account.region == "West US 2")
        #expect(scenario.account.identity == .systemAssigned)
        #expect(scenario.account.principal == "contoso-batch")
        #expect(scenario.account.keySource == .microsoftKeyVault)
        #expect(scenario.account.keyIdentifier?.vault == "contoso-kv")
        #expect(scenario.account.keyIdentifier?.key == "batch-cmk")
        #expect(scenario.account.keyIdentifier?.version == "4f0c0e1d9a3b4c5d8e7f6a5b4c3d2e1f")
        #expect(scenario.account.detectionDelay == 0)
        #expect(scenario.account.recoveryDelay == .fixed(10 * minute))
        #expect(scenario.account.expiredKeyBlocksAccess == false)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.source == specExample)
        #expect(loaded.path == "Scenarios/example.yaml")
    }

    @Test func keyVault() throws {
        let vault = try #require(try load(specExample).scenario.keyVault)
        #expect(vault.name == "contoso-kv")
        #expect(vault.permissionModel == .accessPolicy)
        #expect(vault.softDelete && vault.purgeProtection)
        #expect(vault.retentionDays == 90)
        #expect(
            vault.accessPolicies == [
                AccessPolicy(principal: "contoso-batch", keyPermissions: ["get", "wrapKey", "unwrapKey"])
            ])
        #expect(
            vault.keys == [
                KeyConfig(name: "batch-cmk", versions: [KeyVersionConfig(id: "4f0c0e1d9a3b4c5d8e7f6a5b4c3d2e1f")])
            ])
    }

    @Test func poolsAndJobs() throws {
        let scenario = try load(specExample).scenario
        let pool = try #require(scenario.pools.first)
        #expect(pool.id == "render")
        #expect(pool.vmSize == "Standard_D4s_v3")
        #expect(pool.dedicatedNodes == 40 && pool.lowPriorityNodes == 0)
        #expect(pool.taskSlotsPerNode == 4)
        #expect(pool.nodeFillType == .spread)
        #expect(pool.allocationDelay == .uniform(low: 180_000, high: 360_000))
        #expect(pool.startTask == PoolConfig.StartTask(duration: .fixed(90_000), waitForSuccess: true))
        #expect(pool.pricePerNodeHour == PoolConfig.Price(dedicated: 0.192, lowPriority: 0.038))
        let job = try #require(scenario.jobs.first)
        #expect(job.id == "frames" && job.pool == 0 && job.priority == 100)
        #expect(job.tasks.count == 4000)
        #expect(job.tasks.arrival == .every(5000, from: 0))
        #expect(job.tasks.duration == .logNormal(median: 720_000, sigma: 0.4))
        #expect(job.tasks.requiredSlots == 1)
        #expect(job.tasks.maxTaskRetryCount == 3)
        #expect(job.tasks.failureProbability == 0)
        #expect(job.tasks.checkpointEvery == nil)
        #expect(job.client == .retry(every: minute, maxAttempts: 60))
    }

    @Test func timelineAndExpectations() throws {
        let loaded = try load(specExample)
        #expect(
            loaded.scenario.timeline == [
                TimelineEntry(time: 3 * hour, action: .disableKey(key: "batch-cmk", version: nil), line: 52),
                TimelineEntry(
                    time: 3 * hour + 45 * minute, action: .enableKey(key: "batch-cmk", version: nil), line: 55),
            ])
        #expect(
            loaded.expectations.map(\.metric) == [
                "tasks.completed", "tasks.dropped", "account.outages", "account.unavailableSeconds",
                "nodes.unusableNodeSeconds", "impact.makespanDelaySeconds",
            ])
        #expect(loaded.expectations[0].check == .equals(4000))
        #expect(loaded.expectations[5].check == .atLeast(2700))
        #expect(loaded.expectations[5].location.line == 64)
        #expect(loaded.expectations[5].location.column == 3)
    }

    @Test func loadsFromFileAndAsJSON() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("example.yaml")
        try specExample.write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try ScenarioLoader.load(path: file.path)
        #expect(fromFile.scenario == (try load(specExample).scenario))
        let json = """
            {
            \t"name": "json", "seed": 3,
            \t"pools": [{"id": "p", "dedicatedNodes": 1}],
            \t"jobs": [{"id": "j", "pool": "p", "tasks": {"count": 2, "duration": "1m"}}],
            \t"expect": {"tasks.completed": 2, "tasks.makespanSeconds": null}
            }
            """
        let loaded = try load(json, path: "x.json")
        #expect(loaded.scenario.seed == 3)
        #expect(loaded.scenario.jobs[0].tasks.duration == .fixed(minute))
        #expect(loaded.expectations[1].check == .isNull)
    }

    @Test func missingFileIsAnError() {
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: "/nonexistent/scenario.yaml") }
        do {
            _ = try ScenarioLoader.load(path: "/nonexistent/scenario.yaml")
        } catch {
            #expect(error.description == "/nonexistent/scenario.yaml: error: cannot read the scenario: no such file")
        }
    }
}
