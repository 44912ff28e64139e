import SimulationKernel

/// Every task of a run with its record, the blocks they were defined in, and the set of tasks
/// running now (SPEC §2 rule 8 numbers them).
///
/// It owns the running set: a task is in `running` exactly while its phase is `.running`, and
/// `runningPosition` finds it there in O(1), so a completion never scans; a requeue scans the
/// running set's compact node column, not the task table. A task
/// that stops leaves a hole (-1) that the next start fills, rather than moving the last entry
/// into its place: the moved task's position would be one more cache miss per completion.
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
    /// Tasks running now, in no particular order, and holes (-1) left by tasks that stopped.
    private(set) var running: [Int32] = []
    /// The node of each entry of `running` (-1 for holes), side by side with it: finding the
    /// tasks of a node then reads this compact array, not a task record per running task (a
    /// Spot run looks up the tasks of a preempted node thousands of times).
    private var runningNode: [Int32] = []
    /// The holes in `running`, reused last in first out.
    private var holes: [Int32] = []
    /// How many tasks are running now.
    private(set) var runningCount = 0
    /// Where each task is in `running`; -1 when it is not running.
    private var runningPosition: [Int32] = []
    /// Tasks accepted and waiting in a pool queue.
    var queued = 0

    /// Gives this copy its own task storage. A forked run calls it before the two copies go to
    /// their threads: otherwise both could find the arrays shared at their first change, and
    /// both copy them (three copies of the largest arrays instead of two).
    mutating func separateStorage() {
        tasks.reserveCapacity(tasks.count)
        separateRunningSet()
    }

    private mutating func separateRunningSet() {
        runningPosition.reserveCapacity(runningPosition.count)
        running.reserveCapacity(running.count)
        runningNode.reserveCapacity(runningNode.count)
        holes.reserveCapacity(holes.count)
    }

    /// Gives this copy its own task storage, copying the task table into `spare` (room made by
    /// `TaskRecord.spareTable(count:)`, its pages already touched) when it is large enough.
    /// `spare` is consumed, so that it is the only reference to its storage and the copy
    /// goes into it rather than into a fresh allocation.
    mutating func separateStorage(into spare: consuming [TaskRecord]) {
        guard spare.isEmpty, spare.capacity >= tasks.count else { return separateStorage() }
        spare.append(contentsOf: tasks)
        tasks = spare
        separateRunningSet()
    }

    /// Sizes the running set once every task is defined.
    mutating func prepareRunningSet() {
        runningPosition = Array(repeating: -1, count: tasks.count)
        running.reserveCapacity(min(tasks.count, 1 << 16))
    }

    /// Adds a task to the running set.
    /// - Complexity: O(1)
    mutating func markRunning(_ task: Int, on node: Int) {
        runningCount += 1
        if let hole = holes.popLast() {
            running[Int(hole)] = Int32(task)
            runningNode[Int(hole)] = Int32(node)
            runningPosition[task] = hole
        } else {
            runningPosition[task] = Int32(running.count)
            running.append(Int32(task))
            runningNode.append(Int32(node))
        }
    }

    /// Takes a task out of the running set.
    /// - Complexity: O(1)
    mutating func unmarkRunning(_ task: Int) {
        let position = runningPosition[task]
        running[Int(position)] = -1
        runningNode[Int(position)] = -1
        holes.append(position)
        runningPosition[task] = -1
        runningCount -= 1
    }

    /// The tasks running now on a node for which `matches` holds (given the node's global
    /// number), in task-number order.
    func runningTasks(onNodesWhere matches: (Int) -> Bool) -> [Int] {
        var found: [Int] = []
        for position in running.indices where running[position] >= 0 && matches(Int(runningNode[position])) {
            found.append(Int(running[position]))
        }
        found.sort()
        return found
    }

    #if BATCHSIM_INTERNAL_CHECKS
        /// The node each running task runs on, for the invariant checks.
        var runningNodes: [(task: Int32, node: Int32)] {
            running.indices.filter { running[$0] >= 0 }.map { (running[$0], runningNode[$0]) }
        }
    #endif

    /// Starts bringing in what a task's completion will touch (its record and its place in
    /// the running set); see `Array.prefetch`.
    @inline(__always)
    func prefetchCompletion(of task: Int) {
        tasks.prefetch(task)
        runningPosition.prefetch(task)
    }
}
