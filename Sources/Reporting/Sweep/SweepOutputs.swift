import BatchModel
import Foundation

/// The statistics of a sweep as CSV, JSON and Markdown (`sweep.csv`, `sweep.json`, `sweep.md`).
public struct SweepOutputs: Sendable {
    public var scenarioName: String
    public var replications: Int
    public var grid: SweepGrid
    public var statistics: SweepStatistics

    public init(scenarioName: String, replications: Int, grid: SweepGrid, statistics: SweepStatistics) {
        self.scenarioName = scenarioName
        self.replications = replications
        self.grid = grid
        self.statistics = statistics
    }

    /// The figures a sweep's report charts and tabulates, in order.
    public static let mainMetrics: [SummaryKey] = [
        .short(.makespanDelaySeconds), .short(.lostWorkSeconds), .short(.extraNodeSeconds), .short(.extraCost),
        .short(.turnaroundP95), .scenario(.run(.accountUnavailableSeconds)),
    ]

    static let statisticColumns = ["n", "mean", "stddev", "ci95_low", "ci95_high", "p5", "p50", "p95"]

    /// One row per point and metric.
    public func csv() -> String {
        var out =
            (["point"] + grid.variables.map(\.name) + ["replications", "metric"] + Self.statisticColumns)
            .map(Self.csvField).joined(separator: ",") + "\n"
        for point in statistics.points {
            let prefix = [String(point.index)] + point.values.map(\.value) + [String(point.replications)]
            for (name, statistics) in point.metrics {
                let numbers = Self.columns(statistics).map { $0 ?? "" }
                out += (prefix + [name] + numbers).map(Self.csvField).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// Every point with its variable values and, per metric, its statistics (null when
    /// every replication gave null).
    public func json() -> String {
        var out = "{\n  \"scenario\": \(JSONText.string(scenarioName)),\n"
        out += "  \"replications\": \(replications),\n"
        out +=
            "  \"variables\": ["
            + grid.variables.map { variable in
                "{\"name\": \(JSONText.string(variable.name)), \"values\": ["
                    + variable.values.map(JSONText.string).joined(separator: ", ") + "]}"
            }.joined(separator: ", ") + "],\n"
        out += "  \"points\": [\n"
        out += statistics.points.map { point in
            var text = "    {\n      \"index\": \(point.index),\n      \"values\": {"
            text += point.values.map { "\(JSONText.string($0.name)): \(JSONText.string($0.value))" }
                .joined(separator: ", ")
            text += "},\n      \"replications\": \(point.replications),\n      \"metrics\": {\n"
            text += point.metrics.map { name, statistics in
                let values = Self.columns(statistics)
                guard statistics != nil else { return "        \(JSONText.string(name)): null" }
                let fields = zip(Self.statisticColumns, values).map { "\"\($0)\": \($1 ?? "null")" }
                return "        \(JSONText.string(name)): {" + fields.joined(separator: ", ") + "}"
            }.joined(separator: ",\n")
            return text + "\n      }\n    }"
        }.joined(separator: ",\n")
        return out + "\n  ]\n}\n"
    }

    /// A table per main metric: each point's mean, 95 % interval and percentiles.
    public func markdown() -> String {
        var out = "# Sweep of \(scenarioName)\n\n"
        out += "\(statistics.points.count) grid points × \(replications) replications; "
        out += "each run is the scenario and its baseline, so impact is per point.\n"
        for metric in Self.mainMetrics {
            out += "\n## \(metric)\n\n"
            let header = grid.variables.map(\.name) + ["n", "mean", "95 % CI", "p5", "p50", "p95"]
            out += "| " + header.joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in " --- |" }.joined() + "\n"
            for point in statistics.points {
                let statistics = point.metrics.first { $0.name == metric.description }?.statistics
                var cells = point.values.map(\.value)
                if let statistics {
                    cells += [
                        String(statistics.count), Self.number(statistics.mean),
                        "\(Self.number(statistics.confidenceLow)) – \(Self.number(statistics.confidenceHigh))",
                        Self.number(statistics.p5), Self.number(statistics.p50), Self.number(statistics.p95),
                    ]
                } else {
                    cells += ["0", "null", "–", "–", "–", "–"]
                }
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    private static func columns(_ statistics: SampleStatistics?) -> [String?] {
        guard let s = statistics else { return statisticColumns.map { _ in nil } }
        return [String(s.count)]
            + [s.mean, s.standardDeviation, s.confidenceLow, s.confidenceHigh, s.p5, s.p50, s.p95].map(number)
    }

    /// Six decimals at most, never an exponent (`1e+15`, `5e-05`), as in `summary.json`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return PlainNumberText.format(rounded)
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
