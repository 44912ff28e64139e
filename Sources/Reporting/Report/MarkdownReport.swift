import Foundation

/// `report.md`: the headline, the impact table, the timeline and (for runs with autoscale
/// pools) a line per autoscale pool, for people who read in a terminal or a pull request; the
/// charts are in `report.html` next to it.
public enum MarkdownReport {
    /// Timeline items shown before "… and n more".
    static let narrativeLimit = 200

    public static func render(_ input: ReportInput) -> String {
        let document = input.document
        var out = "# \(document.scenarioName)\n\n"
        if let description = document.description { out += "\(description)\n\n" }
        out += "> " + Headline.sentences(input).joined(separator: " ") + "\n\n"
        out += identity(input) + "\n\n"
        out += "## Impact\n\n"
        out += "| | metric | scenario | baseline | difference |\n|---|---|--:|--:|--:|\n"
        var lastSection = ""
        for row in ImpactRows.rows(document.summary) {
            let cells = row.cells(document.summary)
            let section = row.section == lastSection ? "" : "**\(row.section)**"
            lastSection = row.section
            out += "| \(section) | \(escape(row.label)) | \(cells.joined(separator: " | ")) |\n"
        }
        out += "\nTimes in seconds (with the duration in brackets), costs in the pools' price units; "
        out += "difference = scenario − baseline.\n\n"
        out += "## What happened\n\n"
        let items = Narrative.items(input)
        if items.isEmpty { out += "Nothing: no timeline action and no change of the account's state.\n" }
        for item in items.prefix(narrativeLimit) {
            let text = item.isAlert ? "**\(escape(item.text))**" : escape(item.text)
            out += "- `\(NumberText.clock(item.time))` \(text)\n"
        }
        if items.count > narrativeLimit { out += "- … and \(items.count - narrativeLimit) more.\n" }
        let autoscale = input.autoscalePools
        if !autoscale.isEmpty { out += "\n## Autoscale\n\n" + autoscale.map { "- \(summary($0))\n" }.joined() }
        if !document.warnings.isEmpty {
            out += "\n## Warnings\n\n" + document.warnings.map { "- \(escape($0))\n" }.joined()
        }
        out += "\nCharts (account state, node states per pool, "
        if !autoscale.isEmpty { out += "target against current nodes per autoscale pool, " }
        out += "queued and running tasks, completions "
        out += "against the baseline, per-task delay): [report.html](report.html).\n"
        return out
    }

    /// Seed, scenario hash, tool version and run lengths, in one line.
    static func identity(_ input: ReportInput) -> String {
        input.document.identityLine(hash: { "`\($0)`" }, escape: { $0 })
    }

    /// Keeps table cells and list items intact: pipes escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
