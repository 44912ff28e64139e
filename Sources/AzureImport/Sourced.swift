/// An imported value with the place it was read from.
struct Sourced<Value: Sendable>: Sendable {
    var value: Value
    var origin: Origin
}
