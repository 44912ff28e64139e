import BatchModel
import Foundation
import ScenarioFormat
import SimulationKernel
import Testing

/// A small valid scenario with `extra` appended at the top level and `taskExtra` inside the job's tasks.
func minimalScenario(pool: String = "", taskExtra: String = "", extra: String = "") -> String {
    """
    name: small
    pools:
      - id: p1
        dedicatedNodes: 2
    \(pool)
    jobs:
      - id: j1
        pool: p1
        tasks:
          count: 3
          duration: 10m
    \(taskExtra)
    \(extra)
    """
}

func load(_ yaml: String, path: String = "<inline>", overrides: [String: String] = [:]) throws -> LoadedScenario {
    try ScenarioLoader.load(text: yaml, path: path, overrides: overrides)
}

/// The errors of a scenario that must fail to load.
func errors(_ yaml: String, path: String = "<inline>", overrides: [String: String] = [:]) -> [Diagnostic] {
    do {
        _ = try ScenarioLoader.load(text: yaml, path: path, overrides: overrides)
        Issue.record("expected the scenario to fail to load")
        return []
    } catch {
        return error.diagnostics
    }
}

/// A fresh temporary directory for trace and scenario files.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("batchsim-format-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let minute = SimTime.millisecondsPerMinute
let hour = SimTime.millisecondsPerHour
