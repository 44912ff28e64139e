/// Everything read from the documents, each value with its origin, before it is written as a scenario.
struct Estate {
    struct Pool {
        var id: Sourced<String>
        var vmSize: Sourced<String>?
        var dedicatedNodes: Sourced<Int>?
        var lowPriorityNodes: Sourced<Int>?
        var taskSlotsPerNode: Sourced<Int>?
        var nodeFillType: Sourced<String>?
        var startTask: StartTask?
        /// `enableAutoScale: true` or `scaleSettings.autoScale`, with the formula and interval read there.
        var autoScale: AutoScale?
    }

    /// A pool's autoscale settings as the JSON gives them; the writer decides whether the scenario
    /// can simulate them (a formula batchsim loads, an interval in the service's range).
    struct AutoScale {
        var origin: Origin
        var formula: Sourced<String>?
        var interval: Sourced<AzureDuration>?
    }

    struct StartTask {
        var origin: Origin
        var waitForSuccess: Sourced<Bool>?
        var maxTaskRetryCount: Sourced<Int>?
    }

    struct Job {
        var id: Sourced<String>
        var pool: Sourced<String>
        var priority: Sourced<Int>?
        var maxTaskRetryCount: Sourced<Int>?
    }

    struct Task {
        var origin: Origin
        var id: String
        /// The job named by the task's `url` or its enclosing job template; `nil`: the only job.
        var job: String?
        var requiredSlots: Sourced<Int>?
        var maxTaskRetryCount: Sourced<Int>?
        /// `creationTime`, milliseconds since 1970.
        var created: Int64?
        /// `executionInfo.endTime − startTime`, milliseconds.
        var measured: Int64?
        /// `executionInfo.result`: true for failure, false for success, nil when absent.
        var failed: Bool?
    }

    struct Account {
        var name: Sourced<String>?
        var region: Sourced<String>?
        var identity: Sourced<String>?
        var principal: Sourced<String>?
        var keySource: Sourced<String>?
        var keyIdentifier: Sourced<String>?
    }

    struct Vault {
        var name: Sourced<String>
        var softDelete: Sourced<Bool>?
        var purgeProtection: Sourced<Bool>?
        var retentionDays: Sourced<Int>?
        var rbac: Sourced<Bool>?
        var accessPolicies: [(principal: Sourced<String>, permissions: Sourced<[String]>)]
        var denyNetwork: Sourced<Bool>?
        var allowTrustedServices: Bool
    }

    struct KeyVersion {
        var origin: Origin
        var vault: String
        var key: String
        var version: String
        var enabled: Bool?
        var created: Int64?
        var expires: Int64?
        var notBefore: Int64?
        /// `key.kty` and the modulus length, when the document carries the key itself.
        var keyType: Sourced<String>?
        var keySize: Sourced<Int>?
    }

    struct RoleAssignment {
        var principal: Sourced<String>
        var role: Sourced<String>
    }

    var account: Account?
    var vault: Vault?
    var keyVersions: [KeyVersion] = []
    var roleAssignments: [RoleAssignment] = []
    var pools: [Pool] = []
    var jobs: [Job] = []
    var tasks: [Task] = []
    /// Files in the order given, as provenance names them.
    var files: [String] = []
}
