/// The outcome of a successful evaluation: what the formula assigned, before clamping and rounding
/// (the simulation clamps, rule 26), and the results string of rule 27.
public struct Evaluation: Equatable, Sendable {
    public var targetDedicatedNodes: Double?
    /// The alias `$TargetDedicated`, a separate variable (rule 24).
    public var targetDedicated: Double?
    public var targetLowPriorityNodes: Double?
    public var targetLowPriority: Double?
    /// `nil` when the formula did not assign it (the service then reports `requeue`).
    public var nodeDeallocationOption: DeallocationOption?
    /// User variables by name as spelled.
    public var userVariables: [String: FormulaValue]
    /// Whether `stop()` ended the evaluation early.
    public var stopped: Bool

    /// The dedicated target to apply: the full name's value wins over the alias's (rule 24).
    public var dedicatedTarget: Double? { targetDedicatedNodes ?? targetDedicated }
    /// The low-priority target to apply, the full name first.
    public var lowPriorityTarget: Double? { targetLowPriorityNodes ?? targetLowPriority }

    /// `name=value` joined by `;`: the assigned targets in rule 27's order, the deallocation option,
    /// then user variables in code-point order.
    public var resultsString: String {
        var parts: [String] = []
        let targets: [(String, Double?)] = [
            ("$TargetDedicatedNodes", targetDedicatedNodes), ("$TargetDedicated", targetDedicated),
            ("$TargetLowPriorityNodes", targetLowPriorityNodes), ("$TargetLowPriority", targetLowPriority),
        ]
        for (name, value) in targets {
            if let value { parts.append("\(name)=\(ValueFormatting.number(value))") }
        }
        parts.append("$NodeDeallocationOption=\((nodeDeallocationOption ?? .requeue).rawValue)")
        let names = userVariables.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        for name in names {
            if let value = userVariables[name] { parts.append("\(name)=\(value)") }
        }
        return parts.joined(separator: ";")
    }
}
