internal import AutoscaleFormula
internal import BatchModel
internal import SimulationKernel

/// Reads autoscale settings (SPEC §7 rule 26): a pool's `autoScale: {formula, evaluationInterval}`
/// and the fields of `enableAutoScale`. The formula is loaded here, so a load error is reported
/// at its place in the scenario file.
struct AutoScaleDecoder {
    static let keys = ["formula", "evaluationInterval"]

    let reader: NodeReader

    /// The settings from `formula` and `evaluationInterval` (5m..168h, default 15m).
    func decode(_ fields: Fields) -> PoolConfig.AutoScale? {
        let interval = fields.duration("evaluationInterval")
        if let interval, !PoolConfig.AutoScale.intervals.contains(interval), let node = fields["evaluationInterval"] {
            reader.expected("a duration from 5m to 168h", "evaluationInterval", found: node)
        }
        guard let node = fields.required("formula"), let text = reader.string(node, "formula") else { return nil }
        let formula: Formula
        do {
            formula = try Formula.load(text)
        } catch {
            reader.log.error("formula: \(error.message)", at: Self.scenarioLocation(of: error.location, in: node))
            return nil
        }
        guard fields.has("evaluationInterval") == (interval != nil) else { return nil }
        let value = interval ?? PoolConfig.AutoScale.defaultInterval
        guard PoolConfig.AutoScale.intervals.contains(value) else { return nil }
        return PoolConfig.AutoScale(formula: formula, evaluationInterval: value)
    }

    /// Where a position in a formula lies in the scenario file. In a literal block scalar (`|`)
    /// the formula's line L, column C is at line (indicator line + L), column (indentation + C);
    /// on a one-line scalar, line 1 column C is C − 1 columns after the scalar's first character
    /// (after its opening quote); anything else points at the scalar.
    static func scenarioLocation(
        of location: AutoscaleFormula.SourceLocation, in node: YNode
    ) -> SourceLocation {
        var mapped = node.location
        if let indentation = node.blockIndentation {
            mapped.line += location.line
            mapped.column = indentation + location.column
        } else if location.line == 1 {
            let quoted: Int
            if case .scalar(_, plain: false) = node.kind { quoted = 1 } else { quoted = 0 }
            mapped.column += quoted + location.column - 1
        }
        return mapped
    }
}
