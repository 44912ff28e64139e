/// What the command line adds to the documents: the things JSON cannot tell.
public struct ImportOptions: Sendable {
    /// The scenario's `name:`; default `imported`.
    public var name: String?
    /// Duration of tasks without execution info (`--task-duration`), in scenario syntax (`10m`).
    public var taskDuration: String?
    /// `--price vmSize=perHour`, matched against pools' `vmSize` ignoring case.
    public var prices: [(vmSize: String, perHour: String)]
    /// The trace CSV's file name as the scenario refers to it (beside the scenario).
    public var traceFileName: String

    public init(
        name: String? = nil, taskDuration: String? = nil, prices: [(vmSize: String, perHour: String)] = [],
        traceFileName: String = "imported.trace.csv"
    ) {
        self.name = name
        self.taskDuration = taskDuration
        self.prices = prices
        self.traceFileName = traceFileName
    }
}
