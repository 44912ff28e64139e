/// A job: which pool runs it, how urgent it is, its tasks and how its client submits them.
public struct JobConfig: Hashable, Sendable {
    public var id: String
    /// Index into `Scenario.pools`.
    public var pool: Int
    /// -1000…1000, higher first (default 0).
    public var priority: Int
    public var tasks: TaskBlock
    public var client: ClientPolicy

    public init(id: String, pool: Int, priority: Int = 0, tasks: TaskBlock, client: ClientPolicy = .drop) {
        self.id = id
        self.pool = pool
        self.priority = priority
        self.tasks = tasks
        self.client = client
    }
}
