import BatchModel

public enum Narrative {
    /// Every item in time order; within an instant, in the order the model emitted them.
    public static func items(_ input: ReportInput) -> [NarrativeItem] {
        let story = input.scenario.story
        let context = input.context
        // Within an instant the model emits actions (phase 2), then key events, then autoscale
        // evaluations (phase 2, after the actions), then account changes (phase 3); `kind`
        // restores that order, insertion order breaks the rest.
        var keyed: [(time: Int64, kind: Int, sequence: Int, item: NarrativeItem)] = []
        func add(_ time: Int64, _ kind: Int, _ text: String, alert: Bool) {
            keyed.append((time, kind, keyed.count, NarrativeItem(time: time, text: text, isAlert: alert)))
        }
        for index in 0..<story.actionCount {
            let entry = story.actionEntries[index]
            let name = context.actionName(entry)
            let subject = subjectOf(story.actionEntities[index], story.actionEntityIndices[index], name, context)
            var text: String
            switch story.actionOutcomes[index] {
            case .applied: text = "\(name)\(subject): applied."
            case .refusedByVault: text = "\(name)\(subject): refused by Key Vault (logged; not a Batch rejection)."
            case .refusedByBatch: text = "\(name)\(subject): rejected by Batch — the account was unavailable."
            }
            if story.actionRequeues[index] > 0 {
                text += " \(NumberText.plural(Int64(story.actionRequeues[index]), "running task")) requeued."
            }
            add(story.actionTimes[index], 0, text, alert: story.actionOutcomes[index] == .refusedByBatch)
        }
        for index in 0..<story.keyEventCount {
            guard let text = keyEventText(story, index, context) else { continue }
            add(story.keyEventTimes[index], 1, text, alert: story.keyEventNames[index] == .retentionPurged)
        }
        for item in autoscaleItems(input) { add(item.time, 2, item.text, alert: item.isAlert) }
        var unavailableSince: Int64?
        var rejected: Int64 = 0
        var dropped: Int64 = 0
        for index in 0..<story.changeCount {
            let time = story.changeTimes[index]
            add(time, 3, changeText(story, index), alert: story.changeTo[index] != .accessible)
            if story.changeFrom[index] == .accessible { unavailableSince = time }
            rejected += Int64(story.submissionsRejected[index])
            dropped += Int64(story.tasksDropped[index])
            if story.changeTo[index] == .accessible, let since = unavailableSince {
                add(time, 3, stretchText(story, since, time, rejected, dropped), alert: false)
                (unavailableSince, rejected, dropped) = (nil, 0, 0)
            }
        }
        if let since = unavailableSince {
            let end = input.scenario.end
            add(end, 4, stretchText(story, since, end, rejected, dropped, ongoing: true), alert: true)
        }
        if let spot = spotText(input) { add(input.scenario.end, 5, spot, alert: false) }
        return keyed.sorted { ($0.time, $0.kind, $0.sequence) < ($1.time, $1.kind, $1.sequence) }.map(\.item)
    }

    /// One closing line on Spot capacity, when nodes were preempted: what preemption cost,
    /// apart from the key (SPEC §6).
    private static func spotText(_ input: ReportInput) -> String? {
        guard let preemptions = input.number(.nodesPreemptions), preemptions > 0 else { return nil }
        let hours = NumberText.nodeHours(input.number(.nodesPreemptedNodeSeconds) ?? 0)
        let requeued = Int64(input.scenario.story.preemptionRequeues)
        var text = "Spot capacity: \(NumberText.plural(Int64(preemptions), "preemption")) took nodes back for "
        text += "\(hours) node-hours (not billed) and requeued \(NumberText.plural(requeued, "running task"))"
        if let baseline = input.baseline {
            let preempted = input.document.summary[baseline: .nodesPreemptions]?.number ?? 0
            text += "; the baseline: \(NumberText.plural(Int64(preempted), "preemption")), "
            text += "\(NumberText.plural(Int64(baseline.story.preemptionRequeues), "task")) requeued"
        }
        return text + "."
    }

    private static func subjectOf(_ entity: EntityKind, _ index: Int32, _ action: String, _ context: ReportContext)
        -> String
    {
        switch entity {
        case .key: " of key \(ReportContext.name(context.keys, index, "key"))"
        case .pool: " of pool \(ReportContext.name(context.pools, index, "pool"))"
        case .job: " to job \(ReportContext.name(context.jobs, index, "job"))"
        default: ""
        }
    }

    private static func keyEventText(_ story: AccountStory, _ index: Int, _ context: ReportContext) -> String? {
        let key = ReportContext.name(context.keys, story.keyEventKeys[index], "key")
        let version = story.keyEventDetails[index] + 1
        switch story.keyEventNames[index] {
        case .versionAdded:
            // `addKeyVersion` reports itself as an action at the same instant.
            let byAction = (0..<story.actionCount).contains {
                story.actionTimes[$0] == story.keyEventTimes[index]
                    && context.actionName(story.actionEntries[$0]) == "addKeyVersion"
            }
            return byAction ? nil : "Key \(key) gained version \(version) (rotation policy)."
        case .versionExpired:
            return "Version \(version) of key \(key) expired."
        case .retentionPurged:
            return story.keyEventEntities[index] == .vault
                ? "The soft-deleted vault's retention ran out: it was purged."
                : "The soft-deleted key \(key)'s retention ran out: it was purged."
        default:
            return nil
        }
    }

    private static func changeText(_ story: AccountStory, _ index: Int) -> String {
        let from = story.changeFrom[index]
        let to = story.changeTo[index]
        let reason = AccessProblem(rawValue: UInt8(clamping: max(0, Int(story.changeReasons[index]))))
        var text: String
        switch to {
        case .keyInaccessible:
            let why = story.changeReasons[index] >= 0 ? reason.map { " (\($0))" } ?? "" : ""
            text = "The account lost access to its key\(why): \(from) → keyInaccessible."
        case .recovering:
            text = "The key is reachable again; the account is recovering (\(from) → recovering)."
        case .accessible:
            text = "The account is accessible again; unusable nodes return and queued tasks restart."
        case .unrecoverable:
            text = "The account's key or vault was purged: the account is unrecoverable, for good."
        case .deleted:
            text = "The account was deleted: every node was removed."
        }
        let nodes = Int64(story.nodesMadeUnusable[index])
        let requeued = Int64(story.tasksRequeued[index])
        if nodes > 0 || requeued > 0 {
            text += " \(NumberText.plural(nodes, "node")) went unusable and "
            text += "\(NumberText.plural(requeued, "running task")) were requeued, losing their progress."
        }
        return text
    }

    private static func stretchText(
        _ story: AccountStory,
        _ since: Int64,
        _ until: Int64,
        _ rejected: Int64,
        _ dropped: Int64,
        ongoing: Bool = false
    ) -> String {
        let refusals = (0..<story.actionCount).filter {
            story.actionOutcomes[$0] == .refusedByBatch && story.actionTimes[$0] >= since
                && story.actionTimes[$0] <= until
        }.count
        var text = ongoing ? "Unavailable from \(NumberText.clock(since)) to the end of the run" : "Unavailable from "
        if !ongoing {
            text += "\(NumberText.clock(since)) to \(NumberText.clock(until)) (\(NumberText.words(until - since)))"
        }
        var parts: [String] = []
        if rejected > 0 { parts.append("\(NumberText.plural(rejected, "task submission")) rejected") }
        if dropped > 0 { parts.append("\(NumberText.plural(dropped, "task")) dropped by their clients") }
        if refusals > 0 { parts.append("\(NumberText.plural(Int64(refusals), "control-plane operation")) rejected") }
        if parts.isEmpty { parts.append("Batch rejected no operation") }
        return text + ": " + parts.joined(separator: ", ") + "."
    }
}
