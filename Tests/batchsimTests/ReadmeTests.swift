import Foundation
import TestSupport
import Testing

/// The README's design table is the package's target graph: same targets, same direct
/// dependencies as `Package.swift`.
struct ReadmeTests {
    static let root = CommandRunner.repositoryRoot

    /// Target name → direct dependencies, from the README's "## Design" table.
    static func readmeGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let design = try #require(text.range(of: "## Design")).upperBound
        var graph: [String: Set<String>] = [:]
        for line in text[design...].split(separator: "\n") {
            guard line.hasPrefix("| `") else {
                if !graph.isEmpty && !line.hasPrefix("|") { break }
                continue
            }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let dependencies = cells[cells.count - 1] == "—" ? [] : cells[cells.count - 1].components(separatedBy: ", ")
            graph[name] = Set(dependencies.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "` ")) })
        }
        return graph
    }

    /// Target name → direct dependencies of every non-test target in `Package.swift`.
    static func packageGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let declaration = try Regex(#"\.(target|executableTarget|systemLibrary)\(\s*name: "(\w+)""#)
        let product = try Regex(#"\.product\(name: "(\w+)""#)
        let plain = try Regex(#""(\w+)""#)
        var graph: [String: Set<String>] = [:]
        let matches = text.matches(of: declaration)
        for (index, match) in matches.enumerated() {
            guard let name = match.output[2].substring.map(String.init) else { continue }
            let end = index + 1 < matches.count ? matches[index + 1].range.lowerBound : text.endIndex
            var body = String(text[match.range.upperBound..<end])
            if let stop = body.range(of: ".testTarget(") { body = String(body[..<stop.lowerBound]) }
            guard let open = body.range(of: "dependencies: [") else {
                graph[name] = []
                continue
            }
            var list = String(body[open.upperBound...])
            if let close = list.range(of: "]\n") ?? list.range(of: "])") { list = String(list[..<close.lowerBound]) }
            var dependencies = Set<String>()
            for found in list.matches(of: product) {
                if let dependency = found.output[1].substring { dependencies.insert(String(dependency)) }
            }
            let withoutProducts = list.replacing(try Regex(#"\.product\([^)]*\)"#), with: "")
            for found in withoutProducts.matches(of: plain) {
                if let dependency = found.output[1].substring { dependencies.insert(String(dependency)) }
            }
            graph[name] = dependencies
        }
        return graph
    }

    @Test func theDesignTableIsThePackagesTargetGraph() throws {
        let readme = try Self.readmeGraph()
        let package = try Self.packageGraph()
        #expect(package.count >= 10, "parsed \(package.keys.sorted())")
        #expect(readme == package)
    }

    @Test func theGraphIsOneWay() throws {
        let package = try Self.packageGraph()
        let order = [
            "SimulationKernel", "AutoscaleFormula", "CSQLite", "ParallelWork", "BatchModel", "ScenarioFormat",
            "AzureImport", "EventStore", "Reporting",
            "Experiments", "batchsim", "TestSupport",
        ]
        for (position, target) in order.enumerated() {
            let later = Set(order[position...])
            let dependencies = package[target] ?? []
            #expect(dependencies.isDisjoint(with: later), "\(target) depends on \(dependencies.intersection(later))")
        }
    }
}
