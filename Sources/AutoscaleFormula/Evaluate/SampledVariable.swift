/// The service variables that are sampled every 30 s (rule 24). They are read only through the sample
/// methods, because the service keeps them as histories, not as values.
public enum SampledVariable: String, CaseIterable, Sendable, Hashable {
    case activeTasks = "$ActiveTasks"
    case runningTasks = "$RunningTasks"
    case pendingTasks = "$PendingTasks"
    case succeededTasks = "$SucceededTasks"
    case failedTasks = "$FailedTasks"
    case cpuPercent = "$CPUPercent"
    case sampleNodeCount = "$SampleNodeCount"
    case preemptedNodeCount = "$PreemptedNodeCount"

    /// The variable named `name`, with or without its `$` (a CSV header may leave it out).
    public init?(spelled name: String) {
        self.init(rawValue: name.hasPrefix("$") ? name : "$" + name)
    }
}
