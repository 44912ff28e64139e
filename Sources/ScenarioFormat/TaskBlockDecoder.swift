internal import BatchModel
internal import SimulationKernel

/// Reads a `tasks:` block: a job's (count and duration required unless a trace supplies them) or a
/// `submitTasks` action's, which inherits every setting of its job's block except `count` (default 1) and
/// `arrival` (default `{at: 0s}`) (SPEC §2 rule 8).
struct TaskBlockDecoder {
    static let keys = [
        "count", "arrival", "duration", "requiredSlots", "maxTaskRetryCount", "failureProbability", "checkpointEvery",
    ]
    static let arrivalForms = ["at", "every", "poisson", "trace"]
    /// The fields of `arrival:`: one form, and `from` with `every`.
    static let arrivalKeys = arrivalForms + ["from"]
    static let poissonKeys = ["perHour"]
    /// Slots one task may ask for; far above Azure's 256 per node, and within the engine's 32-bit slot counts.
    static let maximumRequiredSlots = 1_000_000

    /// What a `submitTasks` block inherits from its job.
    struct Inheritance {
        var block: TaskBlock
        /// Whether the job's `duration` was written (not only supplied per row by a trace).
        var hasDuration: Bool
    }

    /// A decoded block and the facts later checks need.
    struct Result {
        var block: TaskBlock
        var hasDuration: Bool
        var countLocation: SourceLocation
        var slotsLocation: SourceLocation
    }

    let reader: NodeReader
    let traces: TraceLoader

    /// `fields` is `nil` for a `submitTasks` action without a `tasks:` block.
    func decode(_ fields: Fields?, at location: SourceLocation, job: String, inherit: Inheritance?) -> Result? {
        var arrival: ArrivalPattern = .at(0)
        var traceTasks: [TraceTask]?
        if let node = fields?["arrival"] {
            // Without a valid arrival, whether count and duration are required is unknown: report nothing more.
            guard let decoded = self.arrival(node, job: job) else { return nil }
            arrival = decoded
            if case .trace(let rows) = decoded { traceTasks = rows }
        }
        var ok = true
        let count = self.count(fields, location: location, trace: traceTasks, submit: inherit != nil)
        if count == nil { ok = false }
        var duration = fields?["duration"].flatMap { DistributionDecoder(reader: reader).decode($0, "duration") }
        let written = fields?.has("duration") ?? false
        if written, duration == nil { ok = false }
        if !written {
            if let inherit, inherit.hasDuration {
                duration = inherit.block.duration
            } else if let traceTasks, traceTasks.allSatisfy({ $0.duration != nil }) {
                duration = .fixed(0)  // never used: every row has its own duration
            } else {
                ok = false
                let why =
                    inherit != nil
                    ? "missing required field 'duration' in tasks: job '\(job)' has no duration to inherit"
                    : traceTasks != nil
                        ? "missing required field 'duration' in tasks: some trace rows have no duration"
                        : "missing required field 'duration' in tasks"
                reader.log.error(why, at: fields?.location ?? location)
            }
        }
        let base = inherit?.block
        let checkpoint = checkpointEvery(fields?["checkpointEvery"], inherited: base?.checkpointEvery)
        let slots = fields?.int("requiredSlots", 1...Self.maximumRequiredSlots) ?? base?.requiredSlots ?? 1
        let retries = fields?.int("maxTaskRetryCount", 0...ScenarioLimits.maximumTaskRetryCount)
        let failure = fields?.number("failureProbability", 0...1, "a probability from 0 to 1")
        guard ok, let count, let duration, let checkpoint else { return nil }
        guard checkArrivalSpan(arrival, count: count, fields?["arrival"]) else { return nil }
        let block = TaskBlock(
            count: count, arrival: arrival, duration: duration, requiredSlots: slots,
            maxTaskRetryCount: retries ?? base?.maxTaskRetryCount ?? 0,
            failureProbability: failure ?? base?.failureProbability ?? 0,
            checkpointEvery: checkpoint)
        return Result(
            block: block, hasDuration: written || (inherit?.hasDuration ?? false),
            countLocation: fields?["count"]?.location ?? fields?.location ?? location,
            slotsLocation: fields?["requiredSlots"]?.location ?? fields?.location ?? location)
    }

    private func count(_ fields: Fields?, location: SourceLocation, trace: [TraceTask]?, submit: Bool) -> Int? {
        let written = fields?.int("count", 0...ScenarioLimits.maximumTasks)
        if let trace {
            if let written, written != trace.count, let node = fields?["count"] {
                reader.error(
                    "count: expected \(trace.count) (the trace's rows for this job), found \(written)", at: node)
                return nil
            }
            return trace.count
        }
        if fields?.has("count") ?? false { return written }
        if submit { return 1 }
        reader.log.error("missing required field 'count' in tasks", at: fields?.location ?? location)
        return nil
    }

    /// `checkpointEvery`: a positive duration or `none`; `nil` when invalid. Absent inherits.
    private func checkpointEvery(_ node: YNode?, inherited: SimTime?) -> SimTime?? {
        guard let node else { return .some(inherited) }
        if node.text?.lowercased() == "none" { return .some(nil) }
        guard let value = reader.duration(node, "checkpointEvery or none", minimum: 1) else { return nil }
        return .some(value)
    }

    func arrival(_ node: YNode, job: String) -> ArrivalPattern? {
        guard let fields = reader.mapping(node, "arrival", keys: Self.arrivalKeys) else { return nil }
        let forms = Self.arrivalForms.filter { fields.has($0) }
        guard forms.count == 1, let form = forms.first else {
            let found = forms.isEmpty ? "none" : forms.joined(separator: " and ")
            reader.log.error(
                "arrival: expected exactly one of at, every, poisson, trace, found \(found)",
                at: fields.location)
            return nil
        }
        if fields.has("from"), form != "every", let from = fields["from"] {
            reader.error("from: only {every: D, from: F} takes 'from', found it with '\(form)'", at: from)
            return nil
        }
        switch form {
        case "at":
            return fields.duration("at").map { .at($0) }
        case "every":
            let every = fields.duration("every", minimum: 1)
            let from = fields["from"] == nil ? 0 : fields.duration("from")
            guard let every, let from else { return nil }
            return .every(every, from: from)
        case "poisson":
            return fields.mapping("poisson", keys: Self.poissonKeys)?
                .number("perHour", Double.leastNonzeroMagnitude...1e9, "a rate > 0 per hour", required: true)
                .map { .poisson(perHour: $0) }
        default:
            return fields["trace"].flatMap { traces.tasks($0, job: job) }.map { .trace($0) }
        }
    }

    /// `{every: D, from: F}` with N tasks must keep its last arrival within representable time.
    private func checkArrivalSpan(_ arrival: ArrivalPattern, count: Int, _ node: YNode?) -> Bool {
        guard case .every(let interval, let from) = arrival, count > 1 else { return true }
        let (span, overflow) = interval.multipliedReportingOverflow(by: SimTime(count - 1))
        if overflow || span > DurationSyntax.maximum - from {
            reader.log.error(
                "arrival: the last of \(count) tasks would arrive after 1000 years; expected a shorter "
                    + "'every'", at: node?.location ?? SourceLocation(file: reader.log.file, line: 1, column: 1))
            return false
        }
        return true
    }
}
