/// Hands a value that is not `Sendable` (an event sink, a simulation's state) to exactly one
/// other thread, which is its only user from then on.
///
/// Event sinks are classes fed once per event on the simulating thread; making them `Sendable`
/// would put a lock on the hottest path of the program. A run hands its sinks to the thread
/// that simulates it and takes them back only after that thread is done, so the hand-off is
/// safe by construction even though the compiler cannot see it.
public struct Transfer<Value>: @unchecked Sendable {
    // Unchecked: the sending thread stops using the value until the receiving thread is done.
    public var value: Value

    public init(_ value: Value) {
        self.value = value
    }
}
