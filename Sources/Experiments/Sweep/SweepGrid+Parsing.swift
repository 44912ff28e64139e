import EventStore
import Foundation
public import Reporting
import ScenarioFormat

/// Reading a sweep's grid from `--set` options.
extension SweepGrid {
    /// Parses `--set` options: `name=v1,v2,...` or a range `name=15m..4h/15m` (durations) or
    /// `name=10..50/10` (numbers); a single value is a grid of one.
    public init(assignments: [String]) throws(SweepGridError) {
        var variables: [Variable] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw SweepGridError("--set expects name=v1,v2,... or name=from..to/step, found '\(assignment)'")
            }
            let name = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard !variables.contains(where: { $0.name == name }) else {
                throw SweepGridError("--set gives '\(name)' twice")
            }
            let values = try Self.values(text, name: name)
            variables.append(Variable(name: name, values: values))
        }
        self.init(variables: variables)
        _ = try checkedPointCount()
    }

    /// Largest grid accepted: a guard against typos like `1s..30d/1s`.
    public static let maximumPoints = SweepLimits.maximumPoints

    /// The number of points, multiplied with overflow checks: `pointCount` itself would trap on a
    /// grid of four 100,000-value ranges.
    public func checkedPointCount() throws(SweepGridError) -> Int {
        var product = 1
        for variable in variables {
            let (next, overflow) = product.multipliedReportingOverflow(by: variable.values.count)
            guard !overflow, next <= Self.maximumPoints else {
                let counts = variables.map { String($0.values.count) }.joined(separator: " × ")
                throw SweepGridError("the grid has \(counts) points, more than \(Self.maximumPoints)")
            }
            product = next
        }
        return product
    }

    /// Points × `replications`, after checking both against `SweepLimits`.
    public func checkedRunCount(replications: Int) throws(SweepGridError) -> Int {
        let points = try checkedPointCount()
        guard (1...SweepLimits.maximumReplications).contains(replications) else {
            throw SweepGridError(
                "--replications must be from 1 to \(SweepLimits.maximumReplications), found \(replications)")
        }
        let (runs, overflow) = points.multipliedReportingOverflow(by: replications)
        guard !overflow, runs <= SweepLimits.maximumRuns else {
            throw SweepGridError(
                "the sweep has \(points) points × \(replications) replications, more than "
                    + "\(SweepLimits.maximumRuns) runs")
        }
        return runs
    }

    private static func values(_ text: String, name: String) throws(SweepGridError) -> [String] {
        if let range = text.range(of: "..") {
            let from = String(text[..<range.lowerBound])
            let rest = text[range.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else {
                throw SweepGridError("\(name): a range needs a step: from..to/step, found '\(text)'")
            }
            return try expand(
                from: from, to: String(rest[..<slash]), step: String(rest[rest.index(after: slash)...]), name)
        }
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !values.contains(where: \.isEmpty) else {
            throw SweepGridError("\(name): empty value in '\(text)'")
        }
        return values
    }

    private static func expand(from: String, to: String, step: String, _ name: String) throws(SweepGridError)
        -> [String]
    {
        if let start = Int64(from), let end = Int64(to), let increment = Int64(step) {
            return try count(start, end, increment, name).map { String($0) }
        }
        guard let start = DurationSyntax.parse(from), let end = DurationSyntax.parse(to),
            let increment = DurationSyntax.parse(step)
        else {
            throw SweepGridError("\(name): expected a range of integers or durations, found '\(from)..\(to)/\(step)'")
        }
        return try count(start, end, increment, name).map { DurationSyntax.format($0) }
    }

    private static func count(_ start: Int64, _ end: Int64, _ step: Int64, _ name: String) throws(SweepGridError)
        -> [Int64]
    {
        guard step > 0 else { throw SweepGridError("\(name): the step of a range must be positive") }
        guard end >= start else { throw SweepGridError("\(name): a range must not end before it starts") }
        // The true span end − start always fits in UInt64, even where it overflows Int64
        // (-9223372036854775808..9223372036854775807/1).
        let intervals = UInt64(bitPattern: end &- start) / UInt64(step)
        guard intervals < UInt64(maximumPoints) else {
            throw SweepGridError("\(name): the range has more than \(maximumPoints) values")
        }
        // Each start + k·step lies within start...end, so it fits in Int64; wrapping arithmetic
        // computes it exactly even when k·step alone would overflow.
        return (0...intervals).map { start &+ Int64(bitPattern: $0 &* UInt64(step)) }
    }
}
