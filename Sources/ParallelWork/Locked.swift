import Foundation

/// A value shared between threads, reachable only while holding its lock.
///
/// The one lock wrapper of the project: worker pools, progress lines, signal handlers, the
/// event log's hand-off queue and the list of temporary files all keep their shared state in a
/// `Locked`, so that no other type needs to be `@unchecked Sendable` for the sake of a lock.
/// Every change wakes the threads blocked in `wait(until:)`.
///
/// ```swift
/// let finished = Locked(0)
/// finished.withLock { $0 += 1 }
/// finished.wait { $0 >= 1 ? $0 : nil }   // 1
/// ```
public final class Locked<Value>: @unchecked Sendable {
    // Unchecked: `value` is only ever touched while `condition` is locked.
    private let condition = NSCondition()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value, wakes the waiting threads, and returns
    /// what `body` returns.
    @discardableResult
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    /// Blocks until `body` returns a result, calling it under the lock at first and after every
    /// change made through `withLock` or `wait(until:)`.
    public func wait<Result>(until body: (inout Value) -> Result?) -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        while true {
            if let result = body(&value) { return result }
            condition.wait()
        }
    }

    /// A copy of the value, read under the lock.
    public var current: Value {
        condition.lock()
        defer { condition.unlock() }
        return value
    }
}
