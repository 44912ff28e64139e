import BatchModel

/// (a) The account's state as a coloured band over time, with each timeline action marked
/// above it by its number and listed under the axis (numbers instead of names above the band,
/// so close actions never overlap their labels).
enum AccountBandChart {
    static func colour(_ state: AccountState) -> String {
        switch state {
        case .accessible: "#4c9f50"
        case .keyInaccessible: "#c62828"
        case .recovering: "#ef9a1a"
        case .unrecoverable: "#5d0a0a"
        case .deleted: "#616161"
        }
    }

    /// Actions listed under the chart before "… and n more".
    static let listedActions = 24

    static func render(_ input: ReportInput) -> String {
        let recorder = input.scenario
        let story = recorder.story
        let intervals = story.stateIntervals(end: recorder.end)
        let listed = min(story.actionCount, listedActions)
        let listHeight = Double(listed + (story.actionCount > listed ? 1 : 0)) * 17
        let states = AccountState.allCases.filter { state in intervals.contains { $0.state == state } }
        var legend: [(label: String, colour: String, isLine: Bool)] = states.map { ($0.description, colour($0), false) }
        legend.append(("action applied ▼", "#222222", true))
        legend.append(("action refused ▼", "#c62828", true))
        let frame = ChartFrame(height: 200 + listHeight, legendRows: 1, xMaximum: Double(recorder.end), yMaximum: 1)
        // The plot ends above the action list.
        let plot = ChartFrame(height: 200, legendRows: 1, xMaximum: Double(recorder.end), yMaximum: 1)
        var out = frame.open(
            id: "account",
            title: "Account state and timeline actions",
            description: "The Batch account's state over time (accessible, keyInaccessible, recovering, "
                + "unrecoverable, deleted) with every key, vault and control-plane action of the timeline marked."
        )
        out += frame.legend(legend)
        let bandTop = plot.top + 34
        let bandHeight = plot.plotHeight - 34
        for interval in intervals {
            let x0 = plot.x(Double(interval.from))
            let x1 = plot.x(Double(interval.to))
            out += "<rect x=\"\(SVGText.number(x0))\" y=\"\(SVGText.number(bandTop))\" "
            out += "width=\"\(SVGText.number(max(x1 - x0, 1.5)))\" height=\"\(SVGText.number(bandHeight))\" "
            out += "fill=\"\(colour(interval.state))\"><title>\(interval.state) from "
            out += "\(NumberText.clock(interval.from)) to \(NumberText.clock(interval.to))</title></rect>\n"
        }
        // Markers: numbered triangles; numbers step up a row when they would collide.
        var lastXInRow = [Double](repeating: -100, count: 2)
        for index in 0..<story.actionCount {
            let x = plot.x(Double(story.actionTimes[index]))
            let row = x - lastXInRow[0] >= 16 ? 0 : (x - lastXInRow[1] >= 16 ? 1 : 0)
            lastXInRow[row] = x
            let refused = story.actionOutcomes[index] != .applied
            let markerColour = refused ? "#c62828" : "#222222"
            let y = bandTop - 4
            out += "<line x1=\"\(SVGText.number(x))\" y1=\"\(SVGText.number(bandTop))\" x2=\"\(SVGText.number(x))\" "
            out += "y2=\"\(SVGText.number(bandTop + bandHeight))\" stroke=\"\(markerColour)\" stroke-width=\"1.5\" "
            out += "stroke-dasharray=\"3 2\"/>\n"
            out += "<path d=\"M\(SVGText.number(x - 5)) \(SVGText.number(y - 8))H\(SVGText.number(x + 5))"
            out += "L\(SVGText.number(x)) \(SVGText.number(y))Z\" fill=\"\(markerColour)\"/>\n"
            out += plot.text(
                x: x, y: y - 12 - Double(row) * 13, "\(index + 1)",
                attributes: "font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"\(markerColour)\"")
        }
        out += plot.axisLabel(horizontal: false, "account state")
        out += plot.timeAxis()
        for index in 0..<listed {
            let y = plot.height + 8 + Double(index) * 17
            let outcome: String
            switch story.actionOutcomes[index] {
            case .applied: outcome = "applied"
            case .refusedByVault: outcome = "refused by Key Vault"
            case .refusedByBatch: outcome = "rejected by Batch (account unavailable)"
            }
            let line =
                "\(index + 1). \(NumberText.clock(story.actionTimes[index]))  "
                + "\(input.context.actionName(story.actionEntries[index])) — \(outcome)"
            out += frame.text(
                x: frame.left, y: y, SVGText.escape(line), attributes: "font-size=\"12.5\" fill=\"#222222\"")
        }
        if story.actionCount > listed {
            let y = plot.height + 8 + Double(listed) * 17
            let more = "… and \(story.actionCount - listed) more (see the timeline above)"
            out += frame.text(
                x: frame.left, y: y, SVGText.escape(more), attributes: "font-size=\"12.5\" fill=\"#555555\"")
        }
        if story.actionCount == 0 {
            out += TimeCharts.emptyNote(plot, "")
        }
        return out + frame.close()
    }
}
