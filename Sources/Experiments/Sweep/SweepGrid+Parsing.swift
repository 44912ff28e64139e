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
    }

    /// Largest grid accepted: a guard against typos like `1s..30d/1s`.
    public static let maximumPoints = 100_000

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
        guard (end - start) / step < Int64(maximumPoints) else {
            throw SweepGridError("\(name): the range has more than \(maximumPoints) values")
        }
        return Array(stride(from: start, through: end, by: Int(step)))
    }
}
