/// What a name in a formula stands for (rules 22 and 24). The checker uses it to reject uses the
/// service rejects at load time; the evaluator uses it to read values.
enum NameKind: Equatable {
    case sampled(SampledVariable)
    /// `$CurrentDedicatedNodes` and friends: read-only doubles.
    case plain(PlainVariable)
    /// A target the formula may set; reading it first gives the pool's current target.
    case target(TargetVariable)
    case deallocationOption
    /// A resource metric the service has but batchsim does not simulate.
    case unsimulated
    /// A `TimeInterval_` constant, in seconds.
    case timeInterval(Double)
    /// `requeue`, `terminate`, `taskcompletion`, `retaineddata`.
    case optionWord
    case user

    /// Read-only service variables.
    enum PlainVariable: Equatable {
        case currentDedicated, currentLowPriority, taskSlotsPerNode
    }

    /// The four settable targets: an alias and its full name are separate variables (rule 24).
    enum TargetVariable: String, CaseIterable, Equatable {
        case targetDedicatedNodes = "$TargetDedicatedNodes"
        case targetDedicated = "$TargetDedicated"
        case targetLowPriorityNodes = "$TargetLowPriorityNodes"
        case targetLowPriority = "$TargetLowPriority"
    }

    static let unsimulatedNames: Set<String> = [
        "$WallClockSeconds", "$MemoryBytes", "$DiskBytes", "$DiskReadBytes", "$DiskWriteBytes", "$DiskReadOps",
        "$DiskWriteOps", "$NetworkInBytes", "$NetworkOutBytes",
    ]

    static let timeIntervals: [String: Double] = [
        "TimeInterval_Zero": 0, "TimeInterval_100ns": 1e-7, "TimeInterval_Microsecond": 1e-6,
        "TimeInterval_Millisecond": 1e-3, "TimeInterval_Second": 1, "TimeInterval_Minute": 60,
        "TimeInterval_Hour": 3600, "TimeInterval_Day": 86_400, "TimeInterval_Week": 604_800,
        "TimeInterval_Year": 31_536_000,
    ]

    init(_ name: String) {
        if let sampled = SampledVariable(rawValue: name) {
            self = .sampled(sampled)
        } else if let target = TargetVariable(rawValue: name) {
            self = .target(target)
        } else if let seconds = Self.timeIntervals[name] {
            self = .timeInterval(seconds)
        } else if DeallocationOption(rawValue: name) != nil {
            self = .optionWord
        } else if Self.unsimulatedNames.contains(name) {
            self = .unsimulated
        } else {
            switch name {
            case "$CurrentDedicatedNodes", "$CurrentDedicated": self = .plain(.currentDedicated)
            case "$CurrentLowPriorityNodes", "$CurrentLowPriority": self = .plain(.currentLowPriority)
            case "$TaskSlotsPerNode": self = .plain(.taskSlotsPerNode)
            case "$NodeDeallocationOption": self = .deallocationOption
            default: self = .user
            }
        }
    }
}
