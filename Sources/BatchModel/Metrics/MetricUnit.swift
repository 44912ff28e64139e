/// What a metric's number measures: how reports label it and how charts title their axis.
/// Counts are integers; times are seconds (held in milliseconds); costs are the pools' currency.
public enum MetricUnit: Sendable, Hashable {
    case count
    /// A duration of the run or of a task (wall-clock seconds of simulated time).
    case seconds
    /// Node-seconds: time summed over nodes.
    case nodeSeconds
    /// Task-seconds: work summed over tasks.
    case taskSeconds
    case cost

    /// Whether the value is a time (a `MetricValue.seconds`).
    public var isTime: Bool {
        switch self {
        case .seconds, .nodeSeconds, .taskSeconds: true
        case .count, .cost: false
        }
    }

    /// How an axis or a column names the unit: "s", "node-s", "cost".
    public var label: String {
        switch self {
        case .count: "count"
        case .seconds: "s"
        case .nodeSeconds: "node-s"
        case .taskSeconds: "task-s"
        case .cost: "cost"
        }
    }
}
