import BatchModel

/// (b') One chart per autoscale pool: what its formula asked for against what it had. The
/// target (dedicated + Spot) is drawn exactly as a step at each evaluation; current nodes (all
/// states, leaving and preempted included, as `$CurrentDedicatedNodes` counts them) and usable
/// nodes (idle + running) are the recorder's time-weighted means. Skipped and failed
/// evaluations are ticks along the bottom, and the account's unavailable stretches are shaded,
/// as on the other time charts: the gap between the lines during an outage is the point.
enum AutoscaleChart {
    static let targetColour = "#6a1b9a"
    static let currentColour = "#555555"
    static let usableColour = "#1f5fa8"
    static let skippedColour = "#ef6c00"
    static let failedColour = "#c62828"

    static func render(_ recorder: TimeSeriesRecorder, _ autoscale: AutoscalePool, shading: [(from: Int64, to: Int64)])
        -> String
    {
        let end = recorder.end
        let pool = autoscale.pool
        let width = StepSeries.displayWidth(end: end, maxPoints: TimeCharts.maximumPoints)
        let target = autoscale.targetSteps(end: end, maximumPoints: TimeCharts.maximumPoints)
        let current = recorder.nodes(pool: pool, in: NodeState.allCases, end: end, bucketWidth: width)
        let usable = recorder.nodes(pool: pool, in: [.idle, .running], end: end, bucketWidth: width)
        let top = max(target.maximum, current.maximum, usable.maximum)
        let frame = ChartFrame(height: 300, legendRows: 2, xMaximum: Double(end), yMaximum: top * 1.05)
        let skipped = autoscale.count(.skipped)
        let failed = autoscale.count(.failed)
        var out = frame.open(
            id: "autoscale-\(pool)",
            title: "Autoscale of pool \(autoscale.name): target and current nodes",
            description: "The target the formula set at each of its \(autoscale.records.count) evaluations "
                + "(dedicated + Spot nodes) against the nodes pool \(autoscale.name) had, leaving and preempted ones "
                + "included, and those idle or running (time-weighted means of \(NumberText.clock(width)) buckets); "
                + "ticks: \(NumberText.plural(Int64(skipped), "evaluation")) skipped, \(failed) failed."
        )
        var legend: [(label: String, colour: String, isLine: Bool)] = [
            ("target (dedicated + Spot)", targetColour, true), ("current nodes", currentColour, true),
            ("usable (idle + running)", usableColour, true),
        ]
        if skipped > 0 { legend.append(("evaluation skipped", skippedColour, true)) }
        if failed > 0 { legend.append(("evaluation failed", failedColour, true)) }
        legend.append(("account unavailable", "#f9d9d6", false))
        out += frame.legend(legend)
        out += frame.unavailableShading(shading)
        out += frame.valueAxis(label: "nodes")
        // The target underneath, wide: where the pool has what it asked for, the current line
        // runs dashed along it.
        out += TimeCharts.stepLine(frame, target, colour: targetColour, name: "target", width: 4)
        out += TimeCharts.stepLine(frame, usable, colour: usableColour, name: "usable nodes")
        out += TimeCharts.stepLine(frame, current, colour: currentColour, name: "current nodes", dashed: true)
        out += ticks(frame, autoscale.records, .skipped, row: 0)
        out += ticks(frame, autoscale.records, .failed, row: skipped > 0 ? 1 : 0)
        out += frame.timeAxis()
        return out + frame.close()
    }

    /// Short ticks rising from the time axis, one per evaluation but at most one per pixel
    /// (a month of 5-minute evaluations would otherwise be thousands of lines); failed ones
    /// stand above the skipped ones when there are both.
    private static func ticks(
        _ frame: ChartFrame, _ all: [AutoscaleRecord], _ outcome: AutoscaleRecord.Outcome, row: Int
    ) -> String {
        let records = all.filter { $0.outcome == outcome }
        guard !records.isEmpty else { return "" }
        let base = frame.top + frame.plotHeight - 2 - Double(row) * 12
        var lastPixel = -1
        var path = ""
        for record in records {
            let x = frame.x(Double(record.time))
            let pixel = Int(x.rounded())
            guard pixel != lastPixel else { continue }
            lastPixel = pixel
            path += "M\(SVGText.number(x)) \(SVGText.number(base))V\(SVGText.number(base - 10))"
        }
        let skipped = outcome == .skipped
        let title = "\(NumberText.plural(Int64(records.count), "evaluation")) \(skipped ? "skipped" : "failed")"
        let colour = skipped ? skippedColour : failedColour
        return "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\">"
            + "<title>\(title)</title></path>\n"
    }
}
