import Foundation

/// The one way batchsim runs work in parallel: an ordered map over a bounded number of worker
/// threads.
///
/// `check`, `sweep` and a run's scenario/baseline pair all go through it, so `--jobs` bounds
/// every simulating thread, and results come back by index: identical whatever the number of
/// workers.
///
/// ```swift
/// let squares = ParallelMap.run(count: 4, workers: 2) { $0 * $0 }   // [0, 1, 4, 9]
/// ```
public enum ParallelMap {
    /// Stack size of worker threads: deep enough for the simulation and SQLite.
    public static let stackSize = 8 << 20

    /// Computes `transform(i)` for every `i` in `0..<count` on at most `workers` threads.
    ///
    /// - Parameters:
    ///   - workers: the most threads used at once (at least 1). The calling thread only waits
    ///     and reports.
    ///   - isCancelled: polled before each item starts; once true, no new item starts and the
    ///     running ones finish.
    ///   - finished: called on a worker thread after each item with (items finished, count),
    ///     in completion order: for progress bars.
    ///   - inOrder: called on the calling thread with each result, in index order, as soon as
    ///     it and every earlier one are done: for output that must not depend on scheduling.
    /// - Returns: every result by index; `nil` for items that never started (cancelled).
    /// - Complexity: O(count) bookkeeping besides the work itself.
    public static func run<Result: Sendable>(
        count: Int,
        workers: Int,
        isCancelled: @escaping @Sendable () -> Bool = { false },
        finished: @escaping @Sendable (Int, Int) -> Void = { _, _ in },
        transform: @escaping @Sendable (Int) -> Result,
        inOrder: (Int, Result) -> Void = { _, _ in }
    ) -> [Result?] {
        guard count > 0 else { return [] }
        let threads = max(1, min(workers, count))
        let state = Locked(MapState<Result>(count: count))
        for _ in 0..<threads {
            let thread = Thread {
                while !isCancelled(), let index = state.withLock({ $0.claim() }) {
                    let result = transform(index)
                    finished(state.withLock { $0.store(result, at: index) }, count)
                }
                state.withLock { $0.retired += 1 }
            }
            thread.stackSize = stackSize
            thread.start()
        }
        var reported = 0
        while reported < count {
            let index = reported
            let outcome: Result?? = state.wait { state in
                if let result = state.results[index] { return .some(result) }
                // Not claimed and no worker left to claim it: cancelled.
                return state.next <= index && state.retired == threads ? .some(nil) : nil
            }
            guard case .some(.some(let result)) = outcome else { break }
            inOrder(index, result)
            reported += 1
        }
        return state.wait { $0.retired == threads ? $0.results : nil }
    }
}

/// The bookkeeping of one `ParallelMap.run`, kept in a `Locked`.
private struct MapState<Result> {
    var next = 0
    var finished = 0
    var retired = 0
    var results: [Result?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    mutating func claim() -> Int? {
        guard next < results.count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores a result; returns how many items have finished.
    mutating func store(_ result: Result, at index: Int) -> Int {
        results[index] = result
        finished += 1
        return finished
    }
}
