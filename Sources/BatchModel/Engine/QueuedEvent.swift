import SimulationKernel

/// What one entry of the event queue does, with its typed arguments.
///
/// Indices are `Int32` and generations `UInt32`, so every case fits in 12 bytes and the queue
/// entries stay as small as the raw integers they replace. A generation invalidates an event
/// whose cause was undone (a stopped task's completion, a recovered key's retention purge).
enum QueuedEvent: Sendable {
    /// An attempt's end; `node` is there so that the loop can prefetch the node's record.
    case taskCompletion(task: Int32, generation: UInt32, node: Int32)
    case nodeAllocated(node: Int32, allocation: Int32)
    case startTaskDone(node: Int32, allocation: Int32)
    case timelineAction(entry: Int32)
    case versionExpiry(key: Int32, version: Int32, generation: UInt32)
    case versionNotBefore(key: Int32, version: Int32)
    case keyRetention(key: Int32, generation: UInt32)
    case vaultRetention(generation: UInt32)
    case rotation(key: Int32, number: Int32)
    case accountStep
    case arrival(stream: Int32)
    case retry(job: Int32)
    /// A `preemptNodes` timeline entry taking effect (phase 4, before the nodes react to the account).
    case preemptNodes(entry: Int32)
    /// A low-priority node's random preemption falling due; gathered, then applied in node order.
    case randomPreemption(node: Int32, generation: UInt32)
    /// The random preemptions due this instant, applied by pool and node index.
    case preemptionsDue
    /// The nodes react to the account's state of this instant (unusable, or back).
    case nodeReaction
    /// A preempted node's capacity returns: it allocates again.
    case capacityReturn(node: Int32, generation: UInt32)
    /// Autoscale evaluations may be due (phase 2, after the timeline actions).
    case autoscaleDue
    /// A multiple of 30 s: the sampled pools take samples after the dispatch pass.
    case sampleTick

    /// The queue's lane for its kind: arrival streams and client retries keep one event pending
    /// each, and the account's steps, the nodes' reactions, due preemptions, autoscale and
    /// sampling ticks one per run, so they wait in the small lane (the order is the same either
    /// way).
    var lane: EventQueue<QueuedEvent>.Lane {
        switch self {
        case .arrival, .retry, .accountStep, .nodeReaction, .preemptionsDue, .autoscaleDue, .sampleTick: .few
        default: .main
        }
    }

    /// The phase of the instant it belongs to (SPEC §2 "Order within one instant"): each kind
    /// of event has one, so scheduling never names it.
    var phase: Simulation.Phase {
        switch self {
        case .taskCompletion, .nodeAllocated, .startTaskDone: .completions
        case .timelineAction: .timeline
        case .versionExpiry, .versionNotBefore, .keyRetention, .vaultRetention: .vaultDates
        case .rotation: .rotations
        case .accountStep: .account
        case .preemptNodes: .preemptionActions
        case .randomPreemption: .randomPreemptions
        case .preemptionsDue: .preemptionsDue
        case .nodeReaction: .nodeReaction
        case .capacityReturn: .capacityReturns
        case .arrival, .retry: .submissions
        case .autoscaleDue: .autoscale
        case .sampleTick: .sampling
        }
    }
}
