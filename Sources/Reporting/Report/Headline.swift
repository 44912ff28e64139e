import BatchModel

/// The one or two sentences a reader takes away, built only from the summary's numbers and
/// the account's story: "The 45-minute key outage cost 1,240 node-hours and delayed the last
/// task by 58 minutes."
///
/// Cases: no outage; one or several outages (each `keyInaccessible` stretch is one, SPEC §2
/// rule 6); an account that ends `unrecoverable`; a run without baseline (absolute figures
/// instead of differences).
public enum Headline {
    /// The headline's sentences, plain text.
    public static func sentences(_ input: ReportInput) -> [String] {
        let story = input.scenario.story
        let outages = outageLengths(story, end: input.scenario.end)
        let unrecoverable = input.number(.accountUnrecoverable) == 1
        var first: String
        if unrecoverable, let moment = firstChange(story, to: .unrecoverable) {
            let incomplete = Int64(input.number(.tasksIncomplete) ?? 0)
            let submitted = Int64(input.number(.tasksSubmitted) ?? 0)
            let unusable = NumberText.nodeHours(input.number(.nodesUnusableNodeSeconds) ?? 0)
            let opening =
                outages.isEmpty
                ? "The account became unrecoverable at \(NumberText.clock(moment)) (its key or vault was purged)"
                : "The key outage that began at \(NumberText.clock(firstChange(story, to: .keyInaccessible) ?? 0)) "
                    + "turned permanent at \(NumberText.clock(moment)), when the key or vault was purged"
            first =
                opening + ": "
                + "\(NumberText.grouped(incomplete)) of \(NumberText.plural(submitted, "accepted task")) never "
                + "completed, and its nodes billed \(unusable) node-hours while unusable."
        } else if outages.isEmpty {
            first = "No key outage: the account stayed accessible"
            if let rejected = input.number(.accountRejectedOperations), rejected > 0 {
                first += " (Batch still rejected \(NumberText.plural(Int64(rejected), "operation")))"
            }
            if !input.hasBaseline {
                first += "."
            } else if input.metric(.makespanDelaySeconds) == .seconds(0) {
                first += ", and the work finished as in the baseline."
            } else {
                first += "; against the baseline it \(delayClause(input))."
            }
        } else {
            first = subject(outages)
            if input.hasBaseline {
                let extra = input.number(.extraNodeSeconds) ?? 0
                var cost = extra > 0 ? "cost \(NumberText.nodeHours(extra)) node-hours" : "cost no extra node-hours"
                if let money = input.number(.extraCost), money > 0 {
                    cost += " (\(NumberText.money(money)) at the pools' prices)"
                }
                first += " \(cost) and \(delayClause(input))."
            } else {
                let unusable = NumberText.nodeHours(input.number(.nodesUnusableNodeSeconds) ?? 0)
                first += " left nodes unusable for \(unusable) node-hours (no baseline to compare with)."
            }
        }
        var result = [capitalized(first)]
        if !outages.isEmpty || unrecoverable { result.append(detail(input)) }
        return result
    }

    /// Each `keyInaccessible` stretch's length; a stretch that ends the run (or turns
    /// unrecoverable) runs to that moment.
    static func outageLengths(_ story: AccountStory, end: Int64) -> [Int64] {
        var lengths: [Int64] = []
        for index in 0..<story.changeCount where story.changeTo[index] == .keyInaccessible {
            let next = index + 1 < story.changeCount ? story.changeTimes[index + 1] : end
            lengths.append(next - story.changeTimes[index])
        }
        return lengths
    }

    private static func firstChange(_ story: AccountStory, to state: AccountState) -> Int64? {
        (0..<story.changeCount).first { story.changeTo[$0] == state }.map { story.changeTimes[$0] }
    }

    private static func subject(_ outages: [Int64]) -> String {
        if outages.count == 1 {
            let length = outages[0]
            let minutes = length / 60_000
            if length % 60_000 == 0 && minutes > 0 && minutes < 120 {
                return "the \(minutes)-minute key outage"
            }
            return "the key outage of \(NumberText.words(length))"
        }
        let shown = outages.prefix(4).map(NumberText.words).joined(separator: ", ")
        let more = outages.count > 4 ? ", …" : ""
        return "\(NumberText.count(outages.count)) key outages (\(shown)\(more))"
    }

    /// What happened to the last task against the baseline.
    private static func delayClause(_ input: ReportInput) -> String {
        if let delay = input.metric(.makespanDelaySeconds), case .seconds(let milliseconds) = delay {
            if milliseconds > 0 { return "delayed the last task by \(NumberText.words(milliseconds))" }
            if milliseconds < 0 { return "the last task finished \(NumberText.words(-milliseconds)) earlier" }
            return "did not delay the last task"
        }
        if input.metric(.tasksMakespanSeconds) == .null {
            let left = Int64(input.number(.tasksIncomplete) ?? 0) + Int64(input.number(.tasksDropped) ?? 0)
            return "left \(NumberText.plural(left, "task")) unfinished or dropped at the end of the run"
        }
        return "the baseline itself left work unfinished, so the delay of the last task cannot be measured"
    }

    /// The second sentence: requeues, lost work, unavailability.
    private static func detail(_ input: ReportInput) -> String {
        let requeued = Int64(input.number(.tasksRequeued) ?? 0)
        let lost = Int64(((input.number(.tasksLostWorkSeconds) ?? 0) * 1000).rounded())
        let unavailable = Int64(((input.number(.accountUnavailableSeconds) ?? 0) * 1000).rounded())
        let recovering = Int64(((input.number(.accountRecoveringSeconds) ?? 0) * 1000).rounded())
        var text = NumberText.plural(requeued, "task requeue")
        let story = input.scenario.story
        if story.preemptionRequeues > 0 {
            // Spot preemptions happen with or without the key: say what each cost.
            let outages = outageLengths(story, end: input.scenario.end).count
            text += " (\(NumberText.grouped(Int64(story.outageRequeues))) from the key outage"
            text += outages > 1 ? "s" : ""
            text += ", \(NumberText.grouped(Int64(story.preemptionRequeues))) from Spot preemptions)"
        }
        text += " threw away "
        text += lost > 0 ? "\(NumberText.words(lost)) of work" : "no work"
        text += "; the account was unavailable for \(NumberText.words(unavailable))"
        if recovering > 0 { text += ", \(NumberText.words(recovering)) of it recovering" }
        return text + "."
    }

    private static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
