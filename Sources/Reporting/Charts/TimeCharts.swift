import BatchModel

/// The report's time charts, all drawn from `TimeSeriesRecorder` data: (b) node states per
/// pool as stacked areas, (c) queued and running tasks, (d) cumulative completed tasks against
/// the baseline. Series are downsampled to at most `maximumPoints` points (time-weighted
/// means, see `StepSeries`) and drawn as steps.
enum TimeCharts {
    static let maximumPoints = 600

    /// Fill colours by node state: blues for working nodes, greys for allocation, red for unusable.
    static func colour(_ state: NodeState) -> String {
        switch state {
        case .running: "#1f5fa8"
        case .idle: "#8fbce6"
        case .waitingforstarttask: "#b7a24a"
        case .starting: "#e3d58c"
        case .creating: "#bdbdbd"
        case .unusable: "#c62828"
        case .leavingpool: "#666666"
        case .preempted: "#ef6c00"
        case .starttaskfailed: "#6a1b9a"
        }
    }

    /// (b) One stacked-area chart per pool.
    static func nodeStates(_ recorder: TimeSeriesRecorder, pool: Int, name: String, shading: [(from: Int64, to: Int64)])
        -> String
    {
        let end = recorder.end
        let width = StepSeries.displayWidth(end: end, maxPoints: maximumPoints)
        let states = TimeSeriesRecorder.nodeStates.filter { recorder.nodes(pool: pool, state: $0).hasArea }
        let series = states.map { recorder.nodes(pool: pool, state: $0).resampled(end: end, bucketWidth: width) }
        var totals = [Double](repeating: 0, count: series.first?.count ?? 0)
        var layers: [(lower: [Double], upper: [Double])] = []
        for points in series {
            let lower = totals
            for index in totals.indices { totals[index] += points.values[index] }
            layers.append((lower, totals))
        }
        let frame = ChartFrame(height: 300, legendRows: 1, xMaximum: Double(end), yMaximum: (totals.max() ?? 0) * 1.05)
        var out = frame.open(
            id: "nodes-\(pool)",
            title: "Nodes of pool \(name) by state",
            description: "Stacked areas: how many nodes of pool \(name) were in each state over time "
                + "(time-weighted means of \(NumberText.clock(width)) buckets)."
        )
        out += frame.legend(states.map { ($0.description, colour($0), false) })
        out += frame.unavailableShading(shading)
        out += frame.valueAxis(label: "nodes")
        if let times = series.first?.times {
            for (index, state) in states.enumerated() {
                out += "<path d=\"\(stepArea(frame, times, layers[index].lower, layers[index].upper))\" "
                out += "fill=\"\(colour(state))\" stroke=\"none\"><title>\(state)</title></path>\n"
            }
        } else {
            out += emptyNote(frame, "this pool never had a node")
        }
        out += frame.timeAxis()
        return out + frame.close()
    }

    /// (c) Queued and running tasks.
    static func taskCounts(_ recorder: TimeSeriesRecorder, shading: [(from: Int64, to: Int64)]) -> String {
        let end = recorder.end
        let width = StepSeries.displayWidth(end: end, maxPoints: maximumPoints)
        let queued = recorder.queued.resampled(end: end, bucketWidth: width)
        let running = recorder.running.resampled(end: end, bucketWidth: width)
        let frame = ChartFrame(
            height: 300, legendRows: 1, xMaximum: Double(end),
            yMaximum: max(queued.maximum, running.maximum) * 1.05)
        var out = frame.open(
            id: "tasks",
            title: "Queued and running tasks",
            description: "Tasks waiting in the account's queues (active) and running on nodes, over time "
                + "(time-weighted means of \(NumberText.clock(width)) buckets); shaded: account unavailable."
        )
        out += frame.legend([
            ("queued (active)", "#e08a00", true), ("running", "#1f5fa8", true),
            ("account unavailable", "#f9d9d6", false),
        ])
        out += frame.unavailableShading(shading)
        out += frame.valueAxis(label: "tasks")
        out += stepLine(frame, running, colour: "#1f5fa8", name: "running", width: 3.5)
        out += stepLine(frame, queued, colour: "#e08a00", name: "queued")
        out += frame.timeAxis()
        return out + frame.close()
    }

    /// (d) Cumulative completed tasks, scenario against baseline.
    static func completions(
        _ recorder: TimeSeriesRecorder,
        baseline: TimeSeriesRecorder?,
        shading: [(from: Int64, to: Int64)]
    ) -> String {
        let end = max(recorder.end, baseline?.end ?? 0)
        let width = StepSeries.displayWidth(end: end, maxPoints: maximumPoints)
        let own = recorder.completed.resampled(end: end, bucketWidth: width)
        // Nothing changes after a run's end, so both lines run across the whole chart.
        let base = baseline?.completed.resampled(end: end, bucketWidth: width)
        let top = max(own.maximum, base?.maximum ?? 0)
        let frame = ChartFrame(height: 300, legendRows: 1, xMaximum: Double(end), yMaximum: top * 1.05)
        var out = frame.open(
            id: "completed",
            title: "Completed tasks over time, scenario against baseline",
            description: "Cumulative successful completions in the scenario and in its baseline (the same "
                + "workload without key, vault and encryption actions); the gap is the work the outage delayed."
        )
        var legend: [(label: String, colour: String, isLine: Bool)] = [("scenario", "#c62828", true)]
        if base != nil { legend.append(("baseline", "#555555", true)) }
        legend.append(("account unavailable", "#f9d9d6", false))
        out += frame.legend(legend)
        out += frame.unavailableShading(shading)
        out += frame.valueAxis(label: "tasks completed (cumulative)")
        if let base { out += stepLine(frame, base, colour: "#555555", name: "baseline", dashed: true) }
        out += stepLine(frame, own, colour: "#c62828", name: "scenario")
        out += frame.timeAxis()
        return out + frame.close()
    }

    /// A step polygon between two boundaries: up along `upper`, back along `lower`.
    private static func stepArea(_ frame: ChartFrame, _ times: [Int64], _ lower: [Double], _ upper: [Double]) -> String
    {
        let last = times.count - 1
        guard last >= 1 else { return "" }
        var path = "M\(SVGText.number(frame.x(0))) \(SVGText.number(frame.y(upper[0])))"
        for index in 0..<last {
            if index > 0 { path += "V\(SVGText.number(frame.y(upper[index])))" }
            path += "H\(SVGText.number(frame.x(Double(times[index + 1]))))"
        }
        for index in stride(from: last - 1, through: 0, by: -1) {
            path += "V\(SVGText.number(frame.y(lower[index])))"
            path += "H\(SVGText.number(frame.x(Double(times[index]))))"
        }
        return path + "Z"
    }

    /// A step line through `points`, from its first time (0 for the recorder's series) to its last.
    static func stepLine(
        _ frame: ChartFrame,
        _ points: SeriesPoints,
        colour: String,
        name: String,
        dashed: Bool = false,
        width: Double = 2
    ) -> String {
        guard points.count >= 2 else { return "" }
        let start = Double(points.times[0])
        var path = "M\(SVGText.number(frame.x(start))) \(SVGText.number(frame.y(points.values[0])))"
        for index in 0..<(points.count - 1) {
            if index > 0 { path += "V\(SVGText.number(frame.y(points.values[index])))" }
            path += "H\(SVGText.number(frame.x(Double(points.times[index + 1]))))"
        }
        path += "V\(SVGText.number(frame.y(points.values[points.count - 1])))"
        let dash = dashed ? " stroke-dasharray=\"7 4\"" : ""
        return
            "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(SVGText.number(width))\"\(dash)>"
            + "<title>\(SVGText.escape(name))</title></path>\n"
    }

    static func emptyNote(_ frame: ChartFrame, _ text: String) -> String {
        frame.text(
            x: frame.left + frame.plotWidth / 2,
            y: frame.top + frame.plotHeight / 2,
            SVGText.escape(text),
            attributes: "font-size=\"14\" fill=\"#555555\" text-anchor=\"middle\""
        )
    }
}
