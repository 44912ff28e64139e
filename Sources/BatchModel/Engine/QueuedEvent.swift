/// What one entry of the event queue does, with its typed arguments.
///
/// Indices are `Int32` and generations `UInt32`, so every case fits in 12 bytes and the queue
/// entries stay as small as the raw integers they replace. A generation invalidates an event
/// whose cause was undone (a stopped task's completion, a recovered key's retention purge).
enum QueuedEvent: Sendable {
    case taskCompletion(task: Int32, generation: UInt32)
    case nodeAllocated(node: Int32)
    case startTaskDone(node: Int32)
    case timelineAction(entry: Int32)
    case versionExpiry(key: Int32, version: Int32, generation: UInt32)
    case versionNotBefore(key: Int32, version: Int32)
    case keyRetention(key: Int32, generation: UInt32)
    case vaultRetention(generation: UInt32)
    case rotation(key: Int32, number: Int32)
    case accountStep
    case arrival(stream: Int32)
    case retry(job: Int32)

    /// The phase of the instant it belongs to (SPEC §2 "Order within one instant"): each kind
    /// of event has one, so scheduling never names it.
    var phase: Simulation.Phase {
        switch self {
        case .taskCompletion, .nodeAllocated, .startTaskDone: .completions
        case .timelineAction: .timeline
        case .versionExpiry, .versionNotBefore, .keyRetention, .vaultRetention: .vaultDates
        case .rotation: .rotations
        case .accountStep: .account
        case .arrival, .retry: .submissions
        }
    }
}
