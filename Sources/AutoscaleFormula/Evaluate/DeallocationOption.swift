/// What a shrink does to running tasks (rule 26), written in formulas as a bare word.
public enum DeallocationOption: String, CaseIterable, Sendable {
    case requeue, terminate, taskcompletion, retaineddata
}
