/// The methods of a sampled variable (rule 25), with their argument counts.
enum SampleMethod: String, CaseIterable {
    case getSample = "GetSample"
    case getSamplePercent = "GetSamplePercent"
    case getSamplePeriod = "GetSamplePeriod"
    case count = "Count"
    case historyBeginTime = "HistoryBeginTime"

    var arity: ClosedRange<Int> {
        switch self {
        case .getSample, .getSamplePeriod: return 1...3
        case .getSamplePercent: return 1...2
        case .count, .historyBeginTime: return 0...0
        }
    }
}
