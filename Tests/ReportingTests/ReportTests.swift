import BatchModel
import Foundation
import Reporting
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `report.html` and `report.md`: well-formed, self-contained, charts with titles and axis
/// labels, and every figure equal to `summary.json`'s.
struct ReportTests {
    static let flagships = [
        "Scenarios/key-disabled-45m.yaml", "Scenarios/rotation-done-wrong.yaml",
        "Scenarios/purge-without-protection.yaml", "Scenarios/worked-example.yaml",
        "Scenarios/autoscale-skipped-during-outage.yaml",
    ]

    @Test(arguments: flagships)
    func htmlAndEverySVGAreWellFormedXML(_ file: String) throws {
        let html = HTMLReport.render(try ReportFixture.run(file: file))
        #expect(Self.parses(html), "report.html of \(file) is not well-formed XML")
        let svgs = Self.svgs(html)
        #expect(svgs.count >= 5)
        for svg in svgs { #expect(Self.parses(svg), "an SVG of \(file) is not well-formed XML") }
    }

    @Test(arguments: flagships)
    func htmlIsSelfContained(_ file: String) throws {
        var html = HTMLReport.render(try ReportFixture.run(file: file))
        html = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<script") && !html.contains("@import") && !html.contains("url("))
    }

    @Test(arguments: flagships)
    func everyChartHasATitleAndAxisLabels(_ file: String) throws {
        for svg in Self.svgs(HTMLReport.render(try ReportFixture.run(file: file))) {
            #expect(svg.contains("<title id="), "chart without a title")
            #expect(svg.components(separatedBy: "class=\"axis-label\"").count - 1 >= 2, "chart without axis labels")
            #expect(svg.contains("class=\"chart-title\""))
        }
    }

    @Test(arguments: flagships)
    func tableFiguresEqualTheSummary(_ file: String) throws {
        let input = try ReportFixture.run(file: file)
        let summary = input.document.summary
        let html = HTMLReport.render(input)
        let markdown = MarkdownReport.render(input)
        for row in ImpactRows.rows(summary) {
            let cells = row.cells(summary)
            for (cell, prefix) in zip(cells, ["", "baseline.", "impact."]) {
                let value = summary[prefix + row.metric.name]
                #expect(
                    Self.leadingNumber(cell) == value?.description ?? "null", "\(prefix)\(row.metric.name): \(cell)")
            }
            #expect(html.contains("<td>\(cells[0])</td><td>\(cells[1])</td>"), "\(row.metric.name) missing in HTML")
            #expect(
                markdown.contains("| \(cells.joined(separator: " | ")) |"), "\(row.metric.name) missing in Markdown")
        }
    }

    @Test func headlineQuotesTheSummarysImpact() throws {
        let input = try ReportFixture.run(file: "Scenarios/key-disabled-45m.yaml")
        let headline = Headline.sentences(input).joined(separator: " ")
        let summary = input.document.summary
        let extra = try #require(summary["impact.extraNodeSeconds"]?.number)
        guard case .seconds(let delay) = try #require(summary["impact.makespanDelaySeconds"]) else {
            Issue.record("no makespan delay")
            return
        }
        #expect(headline.hasPrefix("The 45-minute key outage cost \(NumberText.nodeHours(extra)) node-hours"))
        #expect(headline.contains("delayed the last task by \(NumberText.words(delay))"))
        let requeued = Int64(try #require(summary["tasks.requeued"]?.number))
        #expect(headline.contains(NumberText.plural(requeued, "task requeue")))
        #expect(HTMLReport.render(input).contains(headline.components(separatedBy: ". ")[0]))
        #expect(MarkdownReport.render(input).contains("> " + headline))
    }

    @Test func headlineWithoutAnOutage() throws {
        let input = try ReportFixture.run(file: "Scenarios/rotation-done-right.yaml")
        let headline = Headline.sentences(input)
        #expect(headline == ["No key outage: the account stayed accessible, and the work finished as in the baseline."])
    }

    @Test func headlineOfAnUnrecoverableAccount() throws {
        let input = try ReportFixture.run(file: "Scenarios/purge-without-protection.yaml")
        let first = Headline.sentences(input)[0]
        #expect(first.contains("turned permanent at 1h30m"))
        #expect(first.contains("4 of 8 accepted tasks never completed"))
        #expect(first.contains("\(NumberText.nodeHours(72000)) node-hours while unusable"))
    }

    @Test func headlineOfTwoOutagesAndOfARunWithoutBaseline() throws {
        let yaml = """
            name: twice
            account:
              encryption: {keyIdentifier: "https://kv.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef"}
            keyVault:
              name: kv
              accessPolicies: [{principal: account, keyPermissions: [get, wrapKey, unwrapKey]}]
              keys: [{name: k, versions: [0123456789abcdef0123456789abcdef]}]
            pools: [{id: p, dedicatedNodes: 2}]
            jobs: [{id: j, pool: p, tasks: {count: 4, duration: 1h}}]
            timeline:
              - {at: 10m, action: disableKey, key: k}
              - {at: 55m, action: enableKey, key: k}
              - {at: 2h, action: disableKey, key: k}
              - {at: 2h20m, action: enableKey, key: k}
            """
        let both = Headline.sentences(try ReportFixture.run(yaml: yaml))[0]
        #expect(both.hasPrefix("Two key outages (45 minutes, 20 minutes) cost "))
        let alone = Headline.sentences(try ReportFixture.run(yaml: yaml, withBaseline: false))[0]
        #expect(alone.contains("left nodes unusable for") && alone.contains("no baseline"))
        #expect(Self.parses(HTMLReport.render(try ReportFixture.run(yaml: yaml, withBaseline: false))))
    }

    @Test func timelineNarratesActionsOutagesAndRejections() throws {
        let markdown = MarkdownReport.render(try ReportFixture.run(file: "Scenarios/rotation-done-wrong.yaml"))
        #expect(markdown.contains("`1h10m` disableKey of key cmk: applied."))
        #expect(markdown.contains("4 nodes went unusable and 4 running tasks were requeued"))
        #expect(markdown.contains("`1h20m` **setKeyIdentifier: rejected by Batch"))
        #expect(markdown.contains("Unavailable from 1h10m to 1h50m (40 minutes): 1 control-plane operation rejected."))
    }

    // MARK: helpers

    static func parses(_ xml: String) -> Bool {
        XMLParser(data: Data(xml.utf8)).parse()
    }

    static func svgs(_ html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "),
            let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
        {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// "+1,234.5 (20m34s)" → "1234.5"; "—" → "null".
    static func leadingNumber(_ cell: String) -> String {
        guard cell != "—" else { return "null" }
        let number = cell.split(separator: " ").first.map(String.init) ?? cell
        return number.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "+", with: "")
    }

    @Test func theHeadlineSeparatesWhatTheKeyCostFromWhatPreemptionCost() throws {
        // 2 dedicated + 2 Spot nodes, 4 one-hour tasks. At 10 min both Spot nodes are preempted
        // (tasks 2 and 3 requeued, 10 min lost each); they return at 25 min and the two tasks
        // restart. The key is disabled 30-40 min: all four tasks are requeued (tasks 0 and 1 lose
        // 30 min, tasks 2 and 3 lose 5 min). 6 requeues, 90 minutes of work.
        let yaml = """
            name: spot-and-key
            account:
              name: acct
              encryption: {keyIdentifier: https://kv.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef}
            keyVault:
              name: kv
              accessPolicies: [{principal: acct, keyPermissions: [get, wrapKey, unwrapKey]}]
              keys: [{name: cmk, versions: [0123456789abcdef0123456789abcdef]}]
            pools: [{id: p, dedicatedNodes: 2, lowPriorityNodes: 2}]
            jobs: [{id: j, pool: p, tasks: {count: 4, duration: 60m}}]
            timeline:
              - {at: 10m, action: preemptNodes, pool: p}
              - {at: 30m, action: disableKey, key: cmk}
              - {at: 40m, action: enableKey, key: cmk}
            """
        let sentences = Headline.sentences(try ReportFixture.run(yaml: yaml))
        #expect(sentences.count == 2)
        #expect(
            sentences[1]
                == "6 task requeues (4 from the key outage, 2 from Spot preemptions) threw away 90 minutes of work; "
                + "the account was unavailable for 20 minutes, 10 minutes of it recovering.")
    }

    @Test func theTimelineClosesWithWhatSpotPreemptionCostInBothRuns() throws {
        // Two Spot nodes preempted at 30 min for 15 min each: 0.5 node-hours. In the scenario they
        // were unusable and empty (the outage had requeued everything); in the baseline the same
        // preemption requeues the two tasks running there.
        let input = try ReportFixture.run(file: "Scenarios/spot-preempted-during-outage.yaml")
        let last = try #require(Narrative.items(input).last)
        #expect(last.time == 6_600_000)
        #expect(
            last.text
                == "Spot capacity: 2 preemptions took nodes back for 0.5 node-hours (not billed) and requeued "
                + "0 running tasks; the baseline: 2 preemptions, 2 tasks requeued.")
    }
}
