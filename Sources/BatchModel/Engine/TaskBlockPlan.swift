/// A block of tasks with its resolved settings: a job's `tasks:` or a `submitTasks` action's.
struct TaskBlockPlan {
    var job: Int
    var firstTask: Int
    var tasks: TaskBlock
    /// Task indices (relative to `firstTask`) in arrival order; only for traces.
    var traceOrder: [Int32] = []
}
