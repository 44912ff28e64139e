import BatchModel

/// One chart of a sweep: a main metric against the first swept variable, one line per
/// combination of the other variables, each with its 95 % confidence band of the mean.
struct SweepChart {
    static let palette = ["#1f5fa8", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#ad1457"]

    let metric: SummaryKey
    let grid: SweepGrid
    let statistics: SweepStatistics

    /// The SVG, or nil when no point has a value for the metric.
    func svg(id: String) -> String? {
        let lines = series()
        let values = lines.flatMap { $0.points.flatMap { [$0.low, $0.high, $0.mean] } }
        guard let lowest = values.min(), let highest = values.max(), let first = grid.variables.first else {
            return nil
        }
        let yMinimum = min(0, lowest)
        let span = max(highest - yMinimum, 1e-9)
        let count = first.values.count
        let legendRows = lines.count > 1 ? (lines.count + 2) / 3 : 1
        let frame = ChartFrame(height: 360, legendRows: legendRows, xMaximum: Double(max(count - 1, 1)), yMaximum: 1)
        func xPosition(_ index: Int) -> Double { count == 1 ? frame.x(0.5) : frame.x(Double(index)) }
        func yPosition(_ value: Double) -> Double { frame.y((value - yMinimum) / span) }

        var out = frame.open(
            id: id,
            title: "\(metric) against \(first.name)",
            description: "Mean over replications of \(metric) at each value of \(first.name), with the 95 % "
                + "confidence interval of the mean as a band."
        )
        var legend: [(label: String, colour: String, isLine: Bool)] = lines.enumerated().map { index, line in
            (line.label.isEmpty ? "mean" : line.label, Self.palette[index % Self.palette.count], true)
        }
        legend.append(("95 % confidence band", "#9db9dd", false))
        out += frame.legend(legend)
        // y axis: round ticks across [yMinimum, highest].
        let step = TickScale.niceStep(span / 6)
        var tick = (yMinimum / step).rounded(.up) * step
        while tick <= highest + step * 1e-9 {
            let position = yPosition(tick)
            out += "<line x1=\"\(SVGText.number(frame.left))\" y1=\"\(SVGText.number(position))\" "
            out += "x2=\"\(SVGText.number(frame.left + frame.plotWidth))\" y2=\"\(SVGText.number(position))\" "
            out += "stroke=\"#000000\" stroke-opacity=\"0.12\"/>\n"
            out += frame.text(
                x: frame.left - 8, y: position + 4, TickScale.label(tick),
                attributes: "class=\"tick\" font-size=\"12\" fill=\"#333333\" text-anchor=\"end\"")
            tick += step
        }
        out += frame.axisLabel(horizontal: false, Self.unit(metric))
        let ticks = (0..<count).map { count == 1 ? 0.5 : Double($0) }
        out += frame.valueXAxis(ticks: ticks, labels: first.values, label: "\(first.name) (swept variable)")
        for (index, line) in lines.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            let upper = line.points.map { "\(SVGText.number(xPosition($0.x))),\(SVGText.number(yPosition($0.high)))" }
            let lower = line.points.reversed().map {
                "\(SVGText.number(xPosition($0.x))),\(SVGText.number(yPosition($0.low)))"
            }
            out += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" "
            out += "fill-opacity=\"0.18\" stroke=\"none\"/>\n"
            let path = line.points.map { "\(SVGText.number(xPosition($0.x))),\(SVGText.number(yPosition($0.mean)))" }
            out += "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" "
            out += "stroke-width=\"2.5\"/>\n"
            for point in line.points {
                out +=
                    "<circle cx=\"\(SVGText.number(xPosition(point.x)))\" cy=\"\(SVGText.number(yPosition(point.mean)))\" "
                out += "r=\"3.5\" fill=\"\(colour)\"/>\n"
            }
        }
        return out + frame.close()
    }

    private struct Line {
        var label: String
        var points: [(x: Int, mean: Double, low: Double, high: Double)]
    }

    /// Groups grid points by the values of every variable but the first.
    private func series() -> [Line] {
        var lines: [Line] = []
        for point in statistics.points {
            guard let statistics = point.metrics.first(where: { $0.name == metric.description })?.statistics,
                let first = grid.variables.first, let x = first.values.firstIndex(of: point.values[0].value)
            else { continue }
            let label = point.values.dropFirst().map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
            let entry = (x, statistics.mean, statistics.confidenceLow, statistics.confidenceHigh)
            if let index = lines.firstIndex(where: { $0.label == label }) {
                lines[index].points.append(entry)
            } else {
                lines.append(Line(label: label, points: [entry]))
            }
        }
        return lines.map { Line(label: $0.label, points: $0.points.sorted { $0.x < $1.x }) }
    }

    /// The y-axis label with the metric's unit.
    static func unit(_ metric: SummaryKey) -> String {
        switch metric.unit {
        case .seconds, .nodeSeconds, .taskSeconds: "\(metric) (seconds)"
        case .cost: "\(metric) (price units)"
        case .count: "\(metric)"
        }
    }
}

extension SweepOutputs {
    /// `sweep.html`: for each main metric, a chart against the first swept variable with its
    /// confidence band, and the table of `sweep.md`; self-contained like `report.html`.
    public func html() -> String {
        let escape = SVGText.escape
        var out = HTMLStyle.pageStart(
            title: "batchsim sweep: \(scenarioName)", kicker: "batchsim sweep", heading: scenarioName)
        out += "<p class=\"identity\">\(statistics.points.count) grid points × \(replications) replications"
        out += (grid.variables.isEmpty ? "" : " over " + grid.variables.map { escape($0.name) }.joined(separator: ", "))
        out += "; every run is the scenario and its baseline, so impact is per point.</p>\n</header>\n"
        for (index, metric) in Self.mainMetrics.enumerated() {
            out += "<section>\n<h2>\(escape(metric.description))</h2>\n"
            if !grid.variables.isEmpty,
                let svg = SweepChart(metric: metric, grid: grid, statistics: statistics).svg(id: "sweep-\(index)")
            {
                out += "<figure>\n\(svg)</figure>\n"
            }
            out += table(metric)
            out += "</section>\n"
        }
        out += "<footer>Generated by batchsim; statistics per point: mean, Student-t 95 % confidence interval of "
        out += "the mean, nearest-rank percentiles.</footer>\n</main>\n</body>\n</html>\n"
        return out
    }

    private func table(_ metric: SummaryKey) -> String {
        let escape = SVGText.escape
        let header = grid.variables.map(\.name) + ["n", "mean", "95 % CI", "p5", "p50", "p95"]
        var out = "<table class=\"impact\">\n<thead><tr>"
        out += header.map { "<th scope=\"col\">\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for point in statistics.points {
            var cells = point.values.map(\.value)
            if let s = point.metrics.first(where: { $0.name == metric.description })?.statistics {
                let shown = { (value: Double) in Self.number((value * 1000).rounded() / 1000) }
                cells += [
                    String(s.count), shown(s.mean), "\(shown(s.confidenceLow)) – \(shown(s.confidenceHigh))",
                    shown(s.p5), shown(s.p50), shown(s.p95),
                ]
            } else {
                cells += ["0", "null", "–", "–", "–", "–"]
            }
            out += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
