import SimulationKernel

/// Every task of a run with its record, the blocks they were defined in, and the set of tasks
/// running now (SPEC §2 rule 8 numbers them).
///
/// It owns the running set: a task is in `running` exactly while its phase is `.running`, and
/// `runningPosition` finds it there in O(1), so a requeue or a completion never scans.
struct TaskBook {
    /// Per-block settings the hot paths read.
    struct BlockSettings {
        var failureProbability: Double
        var maxTaskRetryCount: Int32
        /// 0 without checkpoints.
        var checkpointEvery: SimTime
    }

    var tasks: [TaskRecord] = []
    var blocks: [TaskBlockPlan] = []
    var settings: [BlockSettings] = []
    /// Tasks running now, in no particular order.
    private(set) var running: [Int32] = []
    /// Where each task is in `running`; -1 when it is not running.
    private var runningPosition: [Int32] = []
    /// Tasks accepted and waiting in a pool queue.
    var queued = 0

    /// Gives this copy its own task storage. A forked run calls it before the two copies go to
    /// their threads: otherwise both could find the arrays shared at their first change, and
    /// both copy them (three copies of the largest arrays instead of two).
    mutating func separateStorage() {
        tasks.reserveCapacity(tasks.count)
        runningPosition.reserveCapacity(runningPosition.count)
        running.reserveCapacity(running.count)
    }

    /// Sizes the running set once every task is defined.
    mutating func prepareRunningSet() {
        runningPosition = Array(repeating: -1, count: tasks.count)
        running.reserveCapacity(min(tasks.count, 1 << 16))
    }

    /// Adds a task to the running set.
    /// - Complexity: O(1)
    mutating func markRunning(_ task: Int) {
        runningPosition[task] = Int32(running.count)
        running.append(Int32(task))
    }

    /// Takes a task out of the running set.
    /// - Complexity: O(1)
    mutating func unmarkRunning(_ task: Int) {
        let position = Int(runningPosition[task])
        let last = running.removeLast()
        if Int(last) != task {
            running[position] = last
            runningPosition[Int(last)] = Int32(position)
        }
        runningPosition[task] = -1
    }
}
