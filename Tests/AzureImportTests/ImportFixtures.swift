import AzureImport
import Foundation
import ScenarioFormat

/// Helpers shared by the import tests: run the importer on inline documents and load its output.
enum ImportFixtures {
    static let pool =
        #"{"id": "render", "vmSize": "Standard_D4s_v3", "targetDedicatedNodes": 4, "taskSlotsPerNode": 2}"#
    static let job = #"{"id": "frames", "poolInfo": {"poolId": "render"}, "priority": 10}"#

    /// A job document on `pool`: a scenario needs one, and pool tests are not about jobs.
    static func job(on pool: String) -> (String, String) {
        ("job.json", #"{"id": "j", "poolInfo": {"poolId": "\#(pool)"}}"#)
    }

    static func run(_ documents: [(String, String)], options: ImportOptions = ImportOptions()) throws -> ImportResult {
        try AzureImporter.run(documents.map { AzureImporter.Source(name: $0.0, text: $0.1) }, options: options)
    }

    /// The errors of an import that must fail (empty when it succeeded).
    static func errors(_ documents: [(String, String)]) -> [String] {
        do {
            _ = try run(documents)
            return []
        } catch {
            return (error as? ImportFailure)?.errors ?? ["\(error)"]
        }
    }

    /// Writes the result to a fresh folder and loads it as `batchsim validate` would.
    static func load(_ result: ImportResult, traceName: String = "imported.trace.csv") throws -> LoadedScenario {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let scenario = directory.appendingPathComponent("imported.yaml")
        try result.scenario.write(to: scenario, atomically: true, encoding: .utf8)
        if let trace = result.trace {
            try trace.write(to: directory.appendingPathComponent(traceName), atomically: true, encoding: .utf8)
        }
        return try ScenarioLoader.load(path: scenario.path)
    }

    /// Scenario lines without their provenance comments.
    static func values(_ result: ImportResult) -> [String] {
        result.scenario.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let text = String(line)
            guard let comment = text.range(of: "  # ") else { return text }
            return String(text[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
    }
}
