public import SimulationKernel

/// One state change or action of a run, as it leaves the model.
///
/// A fixed-size value with integer codes, so that emitting it costs no allocation; the event
/// log and the reports turn codes into names (`EntityKind.description`, `EventName.description`).
public struct SimEvent: Hashable, Sendable {
    public var time: SimTime
    public var entity: EntityKind
    /// Task number, global node number, pool, job or key index; 0 for the account and the vault.
    public var entityIndex: Int32
    public var name: EventName
    /// State codes of the entity's state enum (`AccountState`, `NodeState`, `TaskState`, …),
    /// or `SimEvent.noState`.
    public var fromState: UInt8
    public var toState: UInt8
    /// Event-specific number: the timeline entry index of an action, an attempt number, …
    public var detail: Int64

    /// Marks `fromState`/`toState` as not applicable.
    public static let noState: UInt8 = 255

    public init(
        time: SimTime,
        entity: EntityKind,
        entityIndex: Int32,
        name: EventName,
        fromState: UInt8 = SimEvent.noState,
        toState: UInt8 = SimEvent.noState,
        detail: Int64 = 0
    ) {
        self.time = time
        self.entity = entity
        self.entityIndex = entityIndex
        self.name = name
        self.fromState = fromState
        self.toState = toState
        self.detail = detail
    }
}
