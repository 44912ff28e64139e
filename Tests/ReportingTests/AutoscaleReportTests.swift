import BatchModel
import Foundation
import Reporting
import TestSupport
import Testing

/// The report's autoscale parts (issue 13, item 4): a target chart per autoscale pool, timeline
/// lines for target changes and for runs of skipped or failed evaluations, and a Markdown line
/// per pool. Every expected value is computed by hand from the scenario.
struct AutoscaleReportTests {
    /// Autoscale lines of the timeline, as (time, text).
    static func autoscaleLines(_ input: ReportInput) -> [(Int64, String)] {
        Narrative.items(input).filter { $0.text.hasPrefix("Autoscale of pool") }.map { ($0.time, $0.text) }
    }

    /// The `d` of the path titled `title` in `svg`.
    static func path(_ svg: String, titled title: String) -> String? {
        guard let end = svg.range(of: "><title>\(title)</title></path>") else { return nil }
        guard let start = svg.range(of: "<path d=\"", options: .backwards, range: svg.startIndex..<end.lowerBound)
        else { return nil }
        let attributes = svg[start.upperBound..<end.lowerBound]
        return attributes.firstIndex(of: "\"").map { String(attributes[..<$0]) }
    }

    static func svg(_ html: String, id: String) -> String? {
        ReportTests.svgs(html).first { $0.contains("id=\"\(id)\"") }
    }

    /// Target 4 from t = 0; the key is lost 7–22 min, so the evaluations at 10, 15 and 20 min
    /// are skipped: one line for the change at 0 (0 → 4) and one for the three skips.
    @Test func skippedEvaluationsDuringAnOutageAreOneLine() throws {
        let input = try ReportFixture.run(file: "Scenarios/autoscale-skipped-during-outage.yaml")
        let lines = Self.autoscaleLines(input)
        #expect(lines.map(\.0) == [0, 600_000])
        #expect(
            lines.map(\.1) == [
                "Autoscale of pool elastic: target dedicated 0 → 4.",
                "Autoscale of pool elastic: 3 evaluations skipped from 10m to 20m (the account was not accessible).",
            ])
        // In time order with the rest: after the outage began (7m), before the key came back (12m).
        let texts = Narrative.items(input).map(\.text)
        let skipped = try #require(texts.firstIndex { $0.contains("evaluations skipped") })
        #expect(texts[skipped - 1].hasPrefix("The account lost access to its key"))
        #expect(texts[skipped + 1] == "enableKey of key cmk: applied.")

        let markdown = MarkdownReport.render(input)
        #expect(markdown.contains("- `10m` Autoscale of pool elastic: 3 evaluations skipped from 10m to 20m"))
        #expect(
            markdown.contains(
                "\n## Autoscale\n\n- Pool elastic: 9 evaluations — 6 applied, 0 failed, 3 skipped (the account was "
                    + "not accessible); target 0–4 nodes (dedicated 0–4, Spot 0), 4 at the end.\n"))
        #expect(markdown.contains("target against current nodes per autoscale pool"))
    }

    /// The chart of that pool: 300 px high with two legend rows, so the plot spans y 84–250
    /// and x 76–932 for 0–42 min; the y scale tops at 4 × 1.05 = 4.2, so 4 nodes are at
    /// y = 250 − 166 × 4 / 4.2 = 91.9. The target holds 4 over the whole run; the skipped
    /// evaluations are ticks at x = 76 + 856 × t / 42 min (10, 15, 20 min).
    @Test func theTargetChartOfThatPool() throws {
        let input = try ReportFixture.run(file: "Scenarios/autoscale-skipped-during-outage.yaml")
        let html = HTMLReport.render(input)
        #expect(ReportTests.parses(html))
        #expect(ReportTests.svgs(html).filter { $0.prefix(60).contains("id=\"autoscale-") }.count == 1)
        let svg = try #require(Self.svg(html, id: "autoscale-0"))
        #expect(ReportTests.parses(svg))
        #expect(svg.contains("Autoscale of pool elastic: target and current nodes"))
        #expect(Self.path(svg, titled: "target") == "M76 91.9H932V91.9")
        #expect(Self.path(svg, titled: "3 evaluations skipped") == "M279.8 248V238M381.7 248V238M483.6 248V238")
        #expect(!svg.contains("evaluation failed"))
        // Right after the node-state chart of its pool.
        let nodes = try #require(html.range(of: "id=\"nodes-0\""))
        let autoscale = try #require(html.range(of: "id=\"autoscale-0\""))
        let tasks = try #require(html.range(of: "id=\"tasks\""))
        #expect(nodes.lowerBound < autoscale.lowerBound && autoscale.lowerBound < tasks.lowerBound)
    }

    /// A fixed pool, then an autoscale pool whose formula needs 10 minutes of samples: the
    /// evaluations at 0 and 5 min fail (0 and 10 of 20 samples). At 10 min the six pending
    /// tasks give a target of 6; the nodes are idle at 13 min and run the tasks. The short
    /// tasks end at 43 min; at 55 min the last 10 minutes of samples hold 2 pending tasks, so
    /// the target drops to 2 with `taskcompletion`: nodes 3 and 4 (idle) go at once, nodes 5
    /// and 6 (running the long tasks until 73 min) are leaving until the 1-hour horizon.
    static let growAndShrink = """
        name: grow-and-shrink
        horizon: 1h
        pools:
          - id: fixed
            dedicatedNodes: 1
          - id: grow
            allocationDelay: 3m
            autoScale:
              evaluationInterval: 5m
              formula: |
                $TargetDedicatedNodes = max($PendingTasks.GetSample(TimeInterval_Minute * 10, 100));
                $NodeDeallocationOption = taskcompletion;
        jobs:
          - {id: short, pool: grow, tasks: {count: 4, duration: 30m}}
          - {id: long, pool: grow, tasks: {count: 2, duration: 1h}}
        """

    @Test func aFailedRunAndATargetThatGrowsAndShrinks() throws {
        let input = try ReportFixture.run(yaml: Self.growAndShrink)
        let lines = Self.autoscaleLines(input)
        #expect(lines.map(\.0) == [0, 600_000, 3_300_000])
        #expect(
            lines.map(\.1) == [
                "Autoscale of pool grow: 2 evaluations failed from 0s to 5m; the targets stayed. First error: 1:43: "
                    + "error: $PendingTasks.GetSample: 0 of 20 expected samples, fewer than 100%",
                "Autoscale of pool grow: target dedicated 0 → 6.",
                "Autoscale of pool grow: target dedicated 6 → 2.",
            ])
        #expect(Narrative.items(input).first { $0.text.contains("failed from") }?.isAlert == true)
        #expect(
            MarkdownReport.render(input).contains(
                "- Pool grow: 13 evaluations — 11 applied, 2 failed, 0 skipped; target 0–6 nodes (dedicated 0–6, "
                    + "Spot 0), 2 at the end.\n"))
        #expect(!MarkdownReport.render(input).contains("pool fixed:"))

        // y scale tops at 6.3: 6 nodes at y = 250 − 166 × 6 / 6.3 = 91.9, 2 at 197.3; x for
        // 10 and 55 of 60 min: 218.7 and 860.7. Failed ticks alone stand on the axis.
        let html = HTMLReport.render(input)
        #expect(Self.svg(html, id: "autoscale-0") == nil)
        let svg = try #require(Self.svg(html, id: "autoscale-1"))
        #expect(Self.path(svg, titled: "target") == "M76 250H218.7V91.9H860.7V197.3H932V197.3")
        #expect(Self.path(svg, titled: "2 evaluations failed") == "M76 248V238M147.3 248V238")

        // Current nodes count the two leaving nodes; usable ones do not.
        let recorder = input.scenario
        let end = recorder.end
        #expect(end == 3_600_000)
        #expect(recorder.nodes(pool: 1, state: .leavingpool).value == 2)
        let width = StepSeries.displayWidth(end: end, maxPoints: 600)
        let current = recorder.nodes(pool: 1, in: NodeState.allCases, end: end, bucketWidth: width)
        let usable = recorder.nodes(pool: 1, in: [.idle, .running], end: end, bucketWidth: width)
        #expect(current.values.last == 4 && usable.values.last == 2)
        #expect(current.maximum == 6 && usable.maximum == 6)
        // The leaving nodes' area: 2 nodes × 5 minutes.
        #expect(recorder.nodes(pool: 1, state: .leavingpool).area.reduce(0, +) == 2 * 300_000)
    }

    /// Consecutive means consecutive evaluations of the same pool: pool b's evaluations between
    /// pool a's skipped ones do not split a's run. Outage 7–22 min; a every 5 min (skips at 10,
    /// 15, 20), b every 6 min (skips at 12 and 18).
    @Test func runsAreCountedPerPool() throws {
        let path = CommandRunner.repositoryRoot.appendingPathComponent(
            "Scenarios/autoscale-skipped-during-outage.yaml")
        var yaml = try String(contentsOf: path, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "  - id: elastic\n", with: "  - id: a\n")
        yaml = yaml.replacingOccurrences(of: "    pool: elastic\n", with: "    pool: a\n")
        // The fixture's expectations are for one pool.
        yaml = String(yaml[..<(yaml.range(of: "expect:")?.lowerBound ?? yaml.endIndex)])
        yaml = yaml.replacingOccurrences(
            of: "jobs:\n",
            with: """
                  - id: b
                    autoScale:
                      evaluationInterval: 6m
                      formula: "$TargetLowPriorityNodes = 1;"
                jobs:

                """)
        let lines = Self.autoscaleLines(try ReportFixture.run(yaml: yaml, withBaseline: false)).map(\.1)
        #expect(
            lines == [
                "Autoscale of pool a: target dedicated 0 → 4.",
                "Autoscale of pool b: target Spot 0 → 1.",
                "Autoscale of pool a: 3 evaluations skipped from 10m to 20m (the account was not accessible).",
                "Autoscale of pool b: 2 evaluations skipped from 12m to 18m (the account was not accessible).",
            ])
    }

    /// Without autoscale pools a report has no autoscale chart, line or section.
    @Test(arguments: ReportTests.flagships.filter { !$0.contains("autoscale") })
    func reportsWithoutAutoscaleHaveNoneOfIt(_ file: String) throws {
        let input = try ReportFixture.run(file: file)
        #expect(Self.autoscaleLines(input).isEmpty)
        #expect(!HTMLReport.render(input).contains("id=\"autoscale-"))
        #expect(!MarkdownReport.render(input).contains("## Autoscale"))
    }
}
