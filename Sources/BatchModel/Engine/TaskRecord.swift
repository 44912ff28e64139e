public import SimulationKernel

/// Everything the run tracks about one task.
///
/// Times that have not happened read as nil. They are stored with -1 for "not yet", which keeps
/// the record small (a million tasks per run); only the engine sees that encoding.
public struct TaskRecord: Sendable {
    /// Index of the task block (job blocks, then `submitTasks` blocks) the task belongs to.
    public var block: Int32
    public var job: Int32
    public var requiredSlots: Int32
    public var phase: TaskPhase = .pending
    var arrivalTime: SimTime = -1
    var acceptedTime: SimTime = -1
    var firstStartTime: SimTime = -1
    var finishTime: SimTime = -1
    /// The sampled run time; -1 until first needed.
    var sampledDuration: SimTime = -1
    /// Progress kept by checkpoints.
    public var checkpoint: SimTime = 0
    /// Start of the current attempt.
    var attemptStart: SimTime = -1
    /// The node running the task; -1 when none.
    var nodeIndex: Int32 = -1
    /// Invalidates the completion event of an attempt that was stopped.
    var generation: UInt32 = 0
    public var clientAttempts: Int32 = 0
    public var starts: Int32 = 0
    public var requeues: Int32 = 0
    public var retries: Int32 = 0
    public var lostWork: SimTime = 0

    init(block: Int32, job: Int32, requiredSlots: Int32) {
        self.block = block
        self.job = job
        self.requiredSlots = requiredSlots
    }

    /// The first client attempt (its arrival).
    public var arrival: SimTime? { Self.time(arrivalTime) }
    /// When the account accepted it (its place in the queue).
    public var accepted: SimTime? { Self.time(acceptedTime) }
    public var firstStart: SimTime? { Self.time(firstStartTime) }
    /// Final completion or failure.
    public var finish: SimTime? { Self.time(finishTime) }
    /// The sampled run time, once it was needed (the task started, or a trace gave it).
    public var duration: SimTime? { Self.time(sampledDuration) }
    /// The global number of the node running it now.
    public var node: Int32? { nodeIndex < 0 ? nil : nodeIndex }

    private static func time(_ value: SimTime) -> SimTime? {
        value < 0 ? nil : value
    }
}

extension TaskRecord {
    /// Room for a copy of a task table of `count` records, with every page of it already
    /// touched: empty, with that capacity.
    ///
    /// A shared prefix copies the task table at its fork, on the critical path of `batchsim
    /// run`, and most of a cold copy's time is the kernel faulting in fresh pages (45 ms for
    /// the large bench's 104 MB, against 8 ms into touched pages). A caller with a spare core
    /// prepares the room while the prefix is being simulated (`SharedPrefix`'s `spareTasks`).
    public static func spareTable(count: Int) -> [TaskRecord] {
        [TaskRecord](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            initializedCount = 0
            guard let base = buffer.baseAddress else { return }
            let bytes = UnsafeMutableRawPointer(base)
            let size = count * MemoryLayout<TaskRecord>.stride
            // One write per page: the records are written by the copy; the bytes mean nothing yet.
            for offset in stride(from: 0, to: size, by: 4096) {
                bytes.storeBytes(of: 0, toByteOffset: offset, as: UInt8.self)
            }
        }
    }
}
