/// The what-if grid of a sweep: each swept variable with its values, and the cartesian
/// product of them in a fixed order (the first variable varies slowest).
public struct SweepGrid: Hashable, Sendable {
    public struct Variable: Hashable, Sendable {
        public var name: String
        public var values: [String]

        public init(name: String, values: [String]) {
            self.name = name
            self.values = values
        }
    }

    public var variables: [Variable]

    /// A grid of given variables (as read back from a sweep database).
    public init(variables: [Variable]) {
        self.variables = variables
    }

    /// Number of grid points.
    public var pointCount: Int { variables.reduce(1) { $0 * $1.values.count } }

    /// The variable values of point `index` (0-based), in variable order.
    public func point(_ index: Int) -> [(name: String, value: String)] {
        var remainder = index
        var result: [(name: String, value: String)] = []
        for variable in variables.reversed() {
            result.append((variable.name, variable.values[remainder % variable.values.count]))
            remainder /= variable.values.count
        }
        return result.reversed()
    }
}
