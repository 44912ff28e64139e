public import SimulationKernel

/// Milliseconds per node state, stored inline (no allocation per node).
public struct NodeStateDurations: Sendable {
    private var values: (SimTime, SimTime, SimTime, SimTime, SimTime, SimTime, SimTime, SimTime, SimTime) = (
        0, 0, 0, 0, 0, 0, 0, 0, 0
    )

    public init() {}

    public subscript(state: NodeState) -> SimTime {
        get {
            switch state {
            case .creating: values.0
            case .starting: values.1
            case .waitingforstarttask: values.2
            case .idle: values.3
            case .running: values.4
            case .unusable: values.5
            case .leavingpool: values.6
            case .preempted: values.7
            case .starttaskfailed: values.8
            }
        }
        set {
            switch state {
            case .creating: values.0 = newValue
            case .starting: values.1 = newValue
            case .waitingforstarttask: values.2 = newValue
            case .idle: values.3 = newValue
            case .running: values.4 = newValue
            case .unusable: values.5 = newValue
            case .leavingpool: values.6 = newValue
            case .preempted: values.7 = newValue
            case .starttaskfailed: values.8 = newValue
            }
        }
    }
}
