extension SummaryDocument {
    /// The run's identity in one line, for both reports: seed, scenario hash, tool version and
    /// run lengths ("seed 7 · scenario SHA-256 … · batchsim 0.1.0 · run ended at 6h12m").
    ///
    /// - Parameters:
    ///   - hash: how the format shows the scenario's SHA-256.
    ///   - escape: how the format escapes plain text.
    func identityLine(hash: (String) -> String, escape: (String) -> String) -> String {
        var parts = ["seed \(seed)"]
        if let scenarioSHA256 { parts.append("scenario SHA-256 " + hash(scenarioSHA256)) }
        parts.append("batchsim \(escape(toolVersion))")
        var ends = "run ended at \(NumberText.clock(endTime))"
        if let baselineEndTime { ends += " (baseline \(NumberText.clock(baselineEndTime)))" }
        parts.append(ends)
        return parts.joined(separator: " · ")
    }
}
