/// (e) How much later each task finished than in the baseline: a histogram of scenario
/// finish − baseline finish over the tasks that finished in both runs (from the runs' task
/// records). A spike at zero means most work was untouched; a long right tail is the backlog
/// the outage left behind.
enum DelayHistogram {
    static func render(_ input: ReportInput) -> String {
        let delays = input.taskDelays
        let low = min(delays.min() ?? 0, 0)
        let high = max(delays.max() ?? 0, 0)
        let unit = unitFor(max(high, -low))
        let span = Double(high - low) / unit.milliseconds
        let binWidth = TickScale.niceStep(max(span / 30, 1e-3))
        let firstBin = (Double(low) / unit.milliseconds / binWidth).rounded(.down)
        let binCount = max(1, Int((Double(high) / unit.milliseconds / binWidth).rounded(.down) - firstBin) + 1)
        var counts = [Int](repeating: 0, count: binCount)
        for delay in delays {
            let bin = Int((Double(delay) / unit.milliseconds / binWidth).rounded(.down) - firstBin)
            counts[min(max(bin, 0), binCount - 1)] += 1
        }
        let xStart = firstBin * binWidth
        let xEnd = xStart + Double(binCount) * binWidth
        let frame = ChartFrame(
            height: 300, legendRows: 1, xMaximum: xEnd - xStart, yMaximum: Double(counts.max() ?? 0) * 1.05)
        var out = frame.open(
            id: "delays",
            title: "Per-task delay against the baseline",
            description: "Histogram of scenario finish time minus baseline finish time, per task that finished "
                + "in both runs (\(NumberText.grouped(Int64(delays.count))) tasks); bins of "
                + "\(TickScale.label(binWidth)) \(unit.name)."
        )
        var legend: [(label: String, colour: String, isLine: Bool)] = [("tasks per bin", "#7b5ea7", false)]
        if input.unfinishedOnlyInScenario > 0 {
            legend.append(
                ("\(NumberText.grouped(Int64(input.unfinishedOnlyInScenario))) more never finished", "#ffffff", false))
        }
        out += frame.legend(legend)
        out += frame.valueAxis(label: "tasks")
        if input.baseline == nil || delays.isEmpty {
            out += TimeCharts.emptyNote(
                frame, input.baseline == nil ? "no baseline was run" : "no task finished in both runs")
        } else {
            for (bin, count) in counts.enumerated() where count > 0 {
                let x0 = frame.x(Double(bin) * binWidth)
                let x1 = frame.x(Double(bin + 1) * binWidth)
                let y = frame.y(Double(count))
                out += "<rect x=\"\(SVGText.number(x0 + 0.5))\" y=\"\(SVGText.number(y))\" "
                out += "width=\"\(SVGText.number(max(x1 - x0 - 1, 1)))\" "
                out += "height=\"\(SVGText.number(frame.top + frame.plotHeight - y))\" fill=\"#7b5ea7\">"
                let from = TickScale.label(xStart + Double(bin) * binWidth)
                let to = TickScale.label(xStart + Double(bin + 1) * binWidth)
                out +=
                    "<title>\(NumberText.plural(Int64(count), "task")) delayed \(from) to \(to) \(unit.name)</title></rect>\n"
            }
        }
        // Ticks at round delays (the bins may start at a negative one), placed relative to xStart.
        let step = TickScale.niceStep((xEnd - xStart) / 10)
        let ticks = Array(stride(from: (xStart / step).rounded(.up) * step, through: xEnd + step * 1e-9, by: step))
        out += frame.valueXAxis(
            ticks: ticks.map { $0 - xStart },
            labels: ticks.map { TickScale.label(abs($0) < step * 1e-9 ? 0 : $0) },
            label: "finish time, scenario − baseline (\(unit.name); 0 = as in the baseline)"
        )
        return out + frame.close()
    }

    private static func unitFor(_ largest: Int64) -> (name: String, milliseconds: Double) {
        if largest >= 3 * 3_600_000 { return ("hours", 3_600_000) }
        if largest >= 3 * 60_000 { return ("minutes", 60_000) }
        return ("seconds", 1000)
    }
}
