import SimulationKernel

/// Runs of one seed that differ only in their timelines, simulated as a tree of forks (issue 15:
/// a sweep over outage length replays the same first hours at every point).
///
/// Runs whose set-up is the same — the scenario apart from its timeline, the `submitTasks`
/// entries (they number the tasks) and the pools that `enableAutoScale` names (they are sampled
/// from t = 0) — see the same events until the first instant at which their timelines differ:
/// every random draw is keyed by what it is for, not by when it is made. That segment is
/// simulated once, its events going to every run's sinks (timeline entry numbers translated);
/// at the fork instant the runs split into the classes whose entries at that instant agree, and
/// each class continues from a copy of the state — the simulation is made of value types, so a
/// copy costs the arrays' copy-on-write — retargeted to its own timeline. A run whose timeline
/// is over ends at the first instant it is quiescent (rule 1), so a segment also stops there.
/// Every run's result, and every event its sinks receive, is the one `Simulation.run` gives.
public struct ForkTree {
    /// One run of the tree: its scenario and where its events go (several sinks when several
    /// callers asked for the same scenario, e.g. one baseline shared by a sweep's points).
    public struct Member {
        public var scenario: Scenario
        public var sinks: [any EventSink]

        public init(scenario: Scenario, sinks: [any EventSink] = []) {
            self.scenario = scenario
            self.sinks = sinks
        }
    }

    /// A state part-way through a run of the tree: entries at or after `pendingFrom` are still
    /// to come (the state's scenario is member `current`'s); simulated time is counted from `at`.
    struct Fork {
        var simulation: Simulation
        var pendingFrom: SimTime
        var current: Int
        var at: SimTime
    }

    /// The most members simulated as one tree.
    static let maximumGroup = 128

    private let members: [Member]
    /// Whether members' results keep their task and node tables (`RunResult.tasks`, `.nodes`).
    private let keepsRecords: Bool
    /// Each member's result, in member order; empty when the tree was cancelled.
    public private(set) var results: [RunResult]
    /// Whether `isCancelled` stopped the tree before every member was simulated.
    public private(set) var wasCancelled = false
    private let isCancelled: () -> Bool
    /// Simulated milliseconds the tree processed, summed over its segments; the members' run
    /// lengths add up to more whenever something was shared.
    public private(set) var simulatedTime: SimTime = 0
    private var finished: [RunResult?]

    /// Simulates every member to its end, or stops early once `isCancelled` says so (it is asked
    /// between the stretches of the tree, so a cancelled tree stops within one member's run).
    ///
    /// - Parameter keepsRecords: `false` empties each result's task and node tables as soon as
    ///   its member ends, for callers that read only metrics (a sweep without an event log):
    ///   a tree's members all end before it returns, and a large scenario's tables are 100 MB
    ///   per member.
    public init(_ members: [Member], keepsRecords: Bool = true, isCancelled: @escaping () -> Bool = { false }) {
        self.members = members
        self.keepsRecords = keepsRecords
        self.isCancelled = isCancelled
        results = []
        finished = Array(repeating: nil, count: members.count)
        var classes: [[Int]] = []
        for index in members.indices {
            if let found = classes.firstIndex(where: { Self.canShare(members[$0[0]].scenario, members[index].scenario) }
            ) {
                classes[found].append(index)
            } else {
                classes.append([index])
            }
        }
        // Splitting a group costs time in its size at every fork, so a group is at most
        // `maximumGroup` members: sweeps of thousands of points per seed share in chunks.
        for group in classes {
            for chunk in stride(from: 0, to: group.count, by: Self.maximumGroup) {
                simulate(Array(group[chunk..<min(group.count, chunk + Self.maximumGroup)]), from: nil)
            }
        }
        guard !wasCancelled else { return }
        results = finished.compactMap { $0 }
        precondition(results.count == members.count, "a member of the fork tree was not simulated")
    }

    /// Whether two scenarios set up the same: everything but the timeline equal, and the
    /// timeline entries the set-up reads (task blocks, autoscale pools) the same.
    static func canShare(_ a: Scenario, _ b: Scenario) -> Bool {
        var x = a
        var y = b
        x.timeline = []
        y.timeline = []
        guard x == y else { return false }
        func setUpEntries(_ scenario: Scenario) -> [TimelineEntry] {
            stripped(scenario.timeline).filter {
                switch $0.action {
                case .submitTasks: true
                case .enableAutoScale: true
                default: false
                }
            }
        }
        return setUpEntries(a) == setUpEntries(b)
    }

    /// Entries without their file lines (which only place messages).
    static func stripped(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        entries.map { TimelineEntry(time: $0.time, action: $0.action) }
    }

    /// A scenario's entries (file order) whose time is before `time`, with their indices.
    static func entries(_ scenario: Scenario, before time: SimTime) -> [(index: Int, entry: TimelineEntry)] {
        scenario.timeline.enumerated().filter { $0.element.time < time }.map {
            ($0.offset, TimelineEntry(time: $0.element.time, action: $0.element.action))
        }
    }

    /// The first instant at or after `from` at which the members' timelines differ (file order
    /// of the entries up to it included); `.max` when they never do. Members of a group agree
    /// on every entry before `from`.
    func forkTime(_ group: [Int], from: SimTime) -> SimTime {
        let times = Set(group.flatMap { members[$0].scenario.timeline.lazy.map(\.time).filter { $0 >= from } })
        for time in times.sorted() {
            let first = Self.entries(members[group[0]].scenario, before: time + 1).map(\.entry)
            for other in group.dropFirst()
            where Self.entries(members[other].scenario, before: time + 1).map(\.entry) != first {
                return time
            }
        }
        return .max
    }

    /// Simulates `group` (members that agree on every entry before `start`'s pending ones) from
    /// `start` (nil: from t = 0) to the end of each, sharing what they share. At each fork the
    /// largest class goes on in this loop and the others recurse, so the recursion is at most
    /// log₂(members) deep however many times the group splits.
    // swift-format-ignore: NeverForceUnwrap
    // The state is an optional only so that the class that goes on can take it instead of
    // copying it; it is set at the top of each turn of the loop and taken only at its end.
    private mutating func simulate(_ initialGroup: [Int], from initialStart: consuming Fork?) {
        var group = initialGroup
        var start = initialStart
        var fresh = start == nil
        while true {
            if isCancelled() { wasCancelled = true }
            guard !wasCancelled else { return }
            let representative = group[0]
            var state: Simulation?
            var segmentStart: SimTime = 0
            var pendingFrom: SimTime = 0
            if let start = start.take() {
                segmentStart = start.at
                pendingFrom = start.pendingFrom
                state = start.simulation
                if start.current != representative {
                    state!.retarget(to: members[representative].scenario, pendingFrom: start.pendingFrom)
                }
            } else {
                state = Simulation(scenario: members[representative].scenario, sink: nil)
            }
            if group.count == 1 {
                state!.sink = EventSinks.combine(members[representative].sinks)
                if fresh { state!.setUp() }
                let end = state!.advance()
                simulatedTime += end - segmentStart
                record(state!.finish(at: end), of: representative)
                return
            }
            let fork = forkTime(group, from: pendingFrom)
            state!.sink = tee(group, before: fork)
            if fresh { state!.setUp() }
            fresh = false
            let future = group.map { members[$0].scenario.timeline.count(where: { $0.time >= fork }) }
            let deficits = future.map { future[0] - $0 }
            let stop = state!.advance(forkBefore: fork, shadowTimelineDeficit: max(0, deficits.max() ?? 0))
            state!.sink = nil
            switch stop {
            case .fork(nil):
                simulatedTime += max(0, min(fork, state!.limit) - segmentStart)
                // Split by the entries up to the fork instant: each class agrees past it.
                var classes: [[Int]] = []
                var keys: [[TimelineEntry]] = []
                for member in group {
                    let mine = Self.entries(members[member].scenario, before: fork + 1).map(\.entry)
                    if let found = keys.firstIndex(of: mine) {
                        classes[found].append(member)
                    } else {
                        keys.append(mine)
                        classes.append([member])
                    }
                }
                let largest = classes.indices.max { classes[$0].count < classes[$1].count } ?? 0
                for (index, members) in classes.enumerated() where index != largest {
                    simulate(
                        members, from: Fork(simulation: state!, pendingFrom: fork, current: representative, at: fork))
                }
                group = classes[largest]
                start = Fork(simulation: state.take()!, pendingFrom: fork, current: representative, at: fork)
            case .ended(let end) where end == state!.limit:
                // Every member reached the horizon (or the cap) together.
                simulatedTime += end - segmentStart
                for member in group {
                    var copy = state!
                    if member != representative {
                        copy.retarget(to: members[member].scenario, pendingFrom: state!.now + 1)
                    }
                    record(copy.finish(at: end), of: member)
                }
                return
            case .ended, .fork:
                // Quiescent at `now`: the members with no entry left end here, the others go on.
                let now = state!.now
                simulatedTime += now - segmentStart
                var going: [Int] = []
                for (position, member) in group.enumerated() {
                    if state!.timelineRemaining - deficits[position] == 0 {
                        var copy = state!
                        if member != representative {
                            copy.retarget(to: members[member].scenario, pendingFrom: now + 1)
                        }
                        record(copy.finish(at: now), of: member)
                    } else {
                        going.append(member)
                    }
                }
                precondition(going.count < group.count, "a quiescent fork ended no run")
                guard !going.isEmpty else { return }
                group = going
                start = Fork(simulation: state.take()!, pendingFrom: now + 1, current: representative, at: now)
            }
        }
    }

    /// Keeps a member's result, without its tables unless the caller wants them.
    private mutating func record(_ result: RunResult, of member: Int) {
        var result = result
        if !keepsRecords {
            result.tasks = []
            result.nodes = []
        }
        finished[member] = result
    }

    /// The sink of a shared segment: each member's sinks, with the entries of this segment
    /// (all before `fork`, the same in every member) renumbered from the representative's.
    private func tee(_ group: [Int], before fork: SimTime) -> (any EventSink)? {
        let shared = Self.entries(members[group[0]].scenario, before: fork)
        var targets: [(sink: any EventSink, entryMap: [Int32])] = []
        for member in group {
            let own = Self.entries(members[member].scenario, before: fork)
            var map = [Int32](repeating: -1, count: members[group[0]].scenario.timeline.count)
            for (from, to) in zip(shared, own) { map[from.index] = Int32(index: to.index) }
            for sink in members[member].sinks { targets.append((sink, map)) }
        }
        return targets.isEmpty ? nil : SegmentTee(targets)
    }
}

extension Simulation {
    /// Turns a state shared up to `pendingFrom` into `target`'s run: its scenario, its timeline
    /// entries from `pendingFrom` on (those before are the same in both and done). Timeline
    /// actions have a phase of their own, scheduled in file order, so rescheduling them keeps
    /// the order a run of `target` from t = 0 has.
    mutating func retarget(to target: Scenario, pendingFrom: SimTime) {
        queue.rewritePayloads { event in
            if case .timelineAction = event { return nil }
            return event
        }
        let blocks = submitBlockOfEntry.filter { $0 >= 0 }
        var next = 0
        var map = Array(repeating: -1, count: target.timeline.count)
        for (index, entry) in target.timeline.enumerated() {
            guard case .submitTasks = entry.action else { continue }
            map[index] = blocks[next]
            next += 1
        }
        submitBlockOfEntry = map
        scenario = target
        timelineRemaining = 0
        for (index, entry) in target.timeline.enumerated() where entry.time >= pendingFrom {
            schedule(.timelineAction(entry: Int32(index: index)), at: entry.time)
            timelineRemaining += 1
        }
    }
}

/// Hands a shared segment's events to every member's sinks, timeline entry numbers translated.
final class SegmentTee: EventSink {
    let targets: [(sink: any EventSink, entryMap: [Int32])]

    init(_ targets: [(sink: any EventSink, entryMap: [Int32])]) {
        self.targets = targets
    }

    func record(_ event: SimEvent) {
        switch event.name {
        case .actionApplied, .actionRejected, .operationRejected:
            for target in targets {
                var translated = event
                translated.detail = Int64(target.entryMap[Int(event.detail)])
                target.sink.record(translated)
            }
        default:
            for target in targets { target.sink.record(event) }
        }
    }
}
