import BatchModel
import CSQLite
import EventStore
import Experiments
import Foundation
import ParallelWork
import Reporting
import ScenarioFormat
import TestSupport

/// Builds event logs in-process the way `batchsim run` does (`RunPipeline`),
/// and reads them back through the plain SQLite C API, as any SQLite tool would.
enum EventLogFixture {
    /// A log on disk and the run that produced it.
    struct Built: Sendable {
        var path: String
        var run: ScenarioRun
        var scenario: Scenario
    }

    static let repositoryRoot = CommandRunner.repositoryRoot

    /// `Scenarios/<name>.yaml`.
    static func scenarioPath(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Scenarios/\(name).yaml").path
    }

    /// Every fixture in `Scenarios/`, by name.
    static var scenarioNames: [String] {
        let directory = repositoryRoot.appendingPathComponent("Scenarios")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads `Scenarios/<name>.yaml`, or one of the inline fixtures below by name.
    static func load(_ name: String) throws -> LoadedScenario {
        if let text = inline[name] { return try ScenarioLoader.load(text: text, path: "<\(name)>") }
        return try ScenarioLoader.load(path: scenarioPath(name))
    }

    /// Simulates `loaded` (and its baseline) through `batchsim run`'s pipeline and writes the log
    /// to a fresh temporary file.
    static func build(_ loaded: LoadedScenario, withBaseline: Bool = true, seed: UInt64? = nil) throws -> Built {
        var loaded = loaded
        if let seed { loaded.scenario.seed = seed }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eventstore-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("events.sqlite").path
        let options = RunOptions(withBaseline: withBaseline, reports: false, eventLog: path)
        let output = try RunPipeline.simulate(loaded, options: options)
        try output.eventLog?.commit()
        return Built(path: path, run: output.run, scenario: loaded.scenario)
    }

    /// Builds the log of a named fixture.
    static func build(_ name: String, withBaseline: Bool = true, seed: UInt64? = nil) throws -> Built {
        try build(load(name), withBaseline: withBaseline, seed: seed)
    }

    // MARK: - Inline fixtures

    /// The CMK account, vault and key of `Scenarios/worked-example.yaml`.
    static let cmkAccount = """
        account:
          name: acct
          encryption:
            keyIdentifier: https://contoso-kv.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef
        keyVault:
          name: contoso-kv
          accessPolicies:
            - {principal: acct, keyPermissions: [get, wrapKey, unwrapKey]}
          keys:
            - {name: cmk, versions: [0123456789abcdef0123456789abcdef]}

        """

    /// The scenario of the documented queries, as `docs/event-log.md` shows it.
    static let twoPoolsDocumented = """
        name: two-pools
        pools:
          - {id: render, dedicatedNodes: 4, lowPriorityNodes: 2, pricePerNodeHour: {dedicated: 0.5, lowPriority: 0.1}}
          - {id: reports, dedicatedNodes: 2, pricePerNodeHour: 1.2}
        jobs:
          - {id: frames, pool: render, tasks: {count: 6, duration: 60m}}
          - {id: summaries, pool: reports, tasks: {count: 4, duration: 20m}}
        timeline:
          - {at: 30m, action: disableKey, key: cmk}
          - {at: 40m, action: enableKey, key: cmk}
          - {at: 45m, action: disableKey, key: cmk}
          - {at: 50m, action: enableKey, key: cmk}

        """

    /// Everything that moves nodes and tasks around at once: allocation delays and start tasks
    /// caught by an outage, growth, a rejected resize, a shrink with running tasks, failures
    /// and retries, checkpoints, a retrying client, a `submitTasks` block, a random recovery
    /// delay and, at the end, deleting the account.
    static let churn = """
        name: churn
        seed: 3
        horizon: 4h
        account:
          name: acct
          encryption:
            keyIdentifier: https://contoso-kv.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef
          recoveryDelay: {uniform: [5m, 15m]}
        keyVault:
          name: contoso-kv
          accessPolicies:
            - {principal: acct, keyPermissions: [get, wrapKey, unwrapKey]}
          keys:
            - {name: cmk, versions: [0123456789abcdef0123456789abcdef]}
        pools:
          - id: render
            dedicatedNodes: 3
            lowPriorityNodes: 1
            taskSlotsPerNode: 2
            allocationDelay: {uniform: [1m, 4m]}
            startTask: {duration: 30s}
            pricePerNodeHour: {dedicated: 0.4, lowPriority: 0.1}
          - {id: small, dedicatedNodes: 1, nodeFillType: pack, pricePerNodeHour: 0.2}
        jobs:
          - id: frames
            pool: render
            tasks:
              count: 40
              duration: {uniform: [2m, 9m]}
              arrival: {every: 30s}
              maxTaskRetryCount: 2
              failureProbability: 0.2
              checkpointEvery: 2m
            client: {onRejected: {retryEvery: 2m, maxAttempts: 3}}
          - {id: misc, pool: small, tasks: {count: 5, duration: 10m}}
        timeline:
          - {at: 2m, action: disableKey, key: cmk}
          - {at: 6m, action: enableKey, key: cmk}
          - {at: 20m, action: resizePool, pool: render, dedicatedNodes: 5}
          - {at: 28m, action: disableKey, key: cmk}
          - {at: 33m, action: resizePool, pool: render, dedicatedNodes: 1}
          - {at: 40m, action: enableKey, key: cmk}
          - {at: 60m, action: resizePool, pool: render, dedicatedNodes: 2, lowPriorityNodes: 0}
          - {at: 65m, action: submitTasks, job: misc, tasks: {count: 3}}
          - {at: 3h, action: deleteAccount}

        """

    static let inline: [String: String] = [
        "two-pools": twoPoolsDocumented + cmkAccount,
        "churn": churn,
    ]

    // MARK: - Built logs shared by the tests (each built once per test process)

    static let workedExample = try! build("worked-example")
    static let twoPools = try! build("two-pools")

    private static let cache = Locked<[String: Built]>([:])

    /// The log of a named fixture with its baseline, built once per test process.
    static func shared(_ name: String) throws -> Built {
        if let built = cache.withLock({ $0[name] }) { return built }
        let built = try build(name)
        cache.withLock { $0[name] = built }
        return built
    }
}

/// A read-only connection to an event log, over the SQLite C API.
final class LogReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let handle: OpaquePointer

    init(_ path: String) throws {
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil)
        guard status == SQLITE_OK, let handle else {
            if let handle { sqlite3_close(handle) }
            throw Failure(description: "cannot open \(path): status \(status)")
        }
        self.handle = handle
    }

    deinit {
        sqlite3_close(handle)
    }

    /// Every row of one statement, each value as SQLite's text for it (`nil` for NULL).
    func rows(_ sql: String) throws -> [[String?]] {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let prepared = sql.withCString { text in
            let status = sqlite3_prepare_v2(handle, text, -1, &statement, &tail)
            let rest = tail.map { String(cString: $0) } ?? ""
            return (status, rest)
        }
        guard prepared.0 == SQLITE_OK, let statement else {
            throw Failure(description: "\(String(cString: sqlite3_errmsg(handle))) in: \(sql)")
        }
        defer { sqlite3_finalize(statement) }
        let rest = prepared.1.trimmingCharacters(in: .whitespacesAndNewlines)
        guard rest.isEmpty || rest == ";" else { throw Failure(description: "more than one statement: \(sql)") }
        let columns = sqlite3_column_count(statement)
        var result: [[String?]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                throw Failure(description: "\(String(cString: sqlite3_errmsg(handle))) in: \(sql)")
            }
            result.append(
                (0..<columns).map { column in
                    sqlite3_column_text(statement, column).map { String(cString: $0) }
                }
            )
        }
        return result
    }

    /// The first column of the first row as an integer (0 for NULL; a whole REAL such as
    /// `TOTAL(…)` gives its integer).
    func int(_ sql: String) throws -> Int64 {
        guard let row = try rows(sql).first, let text = row.first else {
            throw Failure(description: "no row: \(sql)")
        }
        guard let text else { return 0 }
        if let value = Int64(text) { return value }
        guard let real = Double(text), real.rounded() == real else {
            throw Failure(description: "not an integer: \(text) from \(sql)")
        }
        return Int64(real)
    }

    /// Rows rendered the way `docs/event-log.md` shows them: `a | b | c`, NULL as `NULL`.
    func rendered(_ sql: String) throws -> [String] {
        try rows(sql).map { row in row.map { $0 ?? "NULL" }.joined(separator: " | ") }
    }
}
