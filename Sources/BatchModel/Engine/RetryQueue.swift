import SimulationKernel

/// A job's client's queue of tasks waiting to try again. Entries are appended in time order
/// with a constant retry interval, so the queue stays sorted without a heap.
struct RetryQueue {
    var times: [SimTime] = []
    var tasks: [Int32] = []
    var head = 0
    var eventPending = false

    var isEmpty: Bool { head == times.count }

    mutating func append(_ task: Int32, at time: SimTime) {
        if head > 4096 && head * 2 > times.count {
            times.removeFirst(head)
            tasks.removeFirst(head)
            head = 0
        }
        times.append(time)
        tasks.append(task)
    }
}
