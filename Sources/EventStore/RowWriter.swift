import BatchModel
import CSQLite

/// The writer thread's prepared statements and the rows they write.
final class RowWriter {
    private let database: SQLiteDatabase
    private let insertEvent: SQLiteStatement

    init(_ database: SQLiteDatabase) throws(SQLiteError) {
        self.database = database
        insertEvent = try database.prepare("INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
    }

    /// One chunk of events in one transaction, with one reused statement.
    func insert(_ events: [SimEvent], run: Int64, firstSequence: Int64) throws(SQLiteError) {
        try database.execute("BEGIN")
        var sequence = firstSequence
        let statement = insertEvent
        for event in events {
            statement.bind(1, run)
            statement.bind(2, sequence)
            statement.bind(3, event.time)
            statement.bind(4, Int64(event.entity.rawValue))
            statement.bind(5, Int64(event.entityIndex))
            statement.bind(6, Int64(event.name.rawValue))
            statement.bind(7, event.fromState == SimEvent.noState ? nil : Int64(event.fromState))
            statement.bind(8, event.toState == SimEvent.noState ? nil : Int64(event.toState))
            statement.bind(9, event.detail)
            try statement.run()
            sequence += 1
        }
        try database.execute("COMMIT")
    }

    /// A run's identity, configuration, tasks, nodes and metrics, in one transaction.
    func insert(_ record: RunRecord) throws(SQLiteError) {
        try database.execute("BEGIN")
        try insertIdentity(record)
        try insertConfiguration(record)
        try insertTasks(record)
        try insertNodes(record)
        try insertAutoscaleRuns(record)
        try insertMetrics(record)
        try database.execute("COMMIT")
    }

    /// Indexes, views and the schema version, once every row is in.
    func finish() throws(SQLiteError) {
        try database.execute(EventLogSchema.indexesAndViews + "\nPRAGMA user_version = \(EventLogSchema.version);")
    }

    private func insertIdentity(_ record: RunRecord) throws(SQLiteError) {
        let scenario = record.scenario
        try database.prepare("INSERT INTO runs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)").run([
            .integer(record.run), .text(record.variant), .text(scenario.name), .text(record.scenarioSHA256),
            .text(scenario.description), .integer(Int64(bitPattern: scenario.seed)), .text(record.toolVersion),
            .integer(scenario.horizon), .integer(record.result.metrics.endTime), .text("complete"),
        ])
        let warning = try database.prepare("INSERT INTO warnings VALUES (?1, ?2, ?3)")
        for (position, message) in record.warnings.enumerated() {
            try warning.run([.integer(record.run), .integer(Int64(position)), .text(message)])
        }
    }

    private func insertConfiguration(_ record: RunRecord) throws(SQLiteError) {
        let scenario = record.scenario
        let run = SQLValue.integer(record.run)
        let pool = try database.prepare("INSERT INTO pools VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        for (index, config) in scenario.pools.enumerated() {
            try pool.run([
                run, .integer(Int64(index)), .text(config.id), .text(config.vmSize),
                .integer(Int64(config.taskSlotsPerNode)), .text(config.nodeFillType.rawValue),
                .real(config.pricePerNodeHour.dedicated), .real(config.pricePerNodeHour.lowPriority),
            ])
        }
        let job = try database.prepare("INSERT INTO jobs VALUES (?1, ?2, ?3, ?4, ?5)")
        for (index, config) in scenario.jobs.enumerated() {
            try job.run([
                run, .integer(Int64(index)), .text(config.id), .integer(Int64(config.pool)),
                .integer(Int64(config.priority)),
            ])
        }
        let key = try database.prepare("INSERT INTO keys VALUES (?1, ?2, ?3)")
        for (index, config) in (scenario.keyVault?.keys ?? []).enumerated() {
            try key.run([run, .integer(Int64(index)), .text(config.name)])
        }
        let version = try database.prepare("INSERT INTO key_versions VALUES (?1, ?2, ?3, ?4)")
        for (keyIndex, versions) in record.result.keyVersions.enumerated() {
            for (versionIndex, id) in versions.enumerated() {
                try version.run([run, .integer(Int64(keyIndex)), .integer(Int64(versionIndex)), .text(id)])
            }
        }
        let entry = try database.prepare("INSERT INTO timeline VALUES (?1, ?2, ?3, ?4, ?5)")
        for (index, timelineEntry) in scenario.timeline.enumerated() {
            try entry.run([
                run, .integer(Int64(index)), .integer(timelineEntry.time), .text(timelineEntry.action.name),
                .integer(Int64(timelineEntry.line)),
            ])
        }
    }

    private func insertTasks(_ record: RunRecord) throws(SQLiteError) {
        let statement = try database.prepare(
            "INSERT INTO tasks VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
        )
        for (id, task) in record.result.tasks.enumerated() {
            let (state, result) = Self.stateAndResult(task.phase)
            statement.bind(1, record.run)
            statement.bind(2, Int64(id))
            statement.bind(3, Int64(task.job))
            statement.bind(4, Int64(task.requiredSlots))
            statement.bind(5, task.arrival)
            statement.bind(6, task.accepted)
            statement.bind(7, task.firstStart)
            statement.bind(8, task.finish)
            statement.bind(9, task.duration)
            statement.bind(10, Int64(task.clientAttempts))
            statement.bind(11, Int64(task.starts))
            statement.bind(12, Int64(task.requeues))
            statement.bind(13, Int64(task.retries))
            statement.bind(14, task.lostWork)
            statement.bind(15, state)
            statement.bind(16, result)
            try statement.run()
        }
    }

    /// The REST task state a task ended in, and how it ended.
    static func stateAndResult(_ phase: TaskPhase) -> (String?, String?) {
        switch phase {
        case .pending: (nil, "notArrived")
        case .atClient: (nil, "atClient")
        case .dropped: (nil, "dropped")
        case .queued: (TaskState.active.description, nil)
        case .running: (TaskState.running.description, nil)
        case .succeeded: (TaskState.completed.description, "success")
        case .failed: (TaskState.completed.description, "failure")
        }
    }

    private func insertNodes(_ record: RunRecord) throws(SQLiteError) {
        let statement = try database.prepare(
            "INSERT INTO nodes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"
        )
        let end = record.result.metrics.endTime
        for (id, node) in record.result.nodes.enumerated() {
            statement.bind(1, record.run)
            statement.bind(2, Int64(id))
            statement.bind(3, Int64(node.pool))
            statement.bind(4, Int64(node.indexInPool))
            statement.bind(5, node.isLowPriority ? "lowPriority" : "dedicated")
            statement.bind(6, node.requestedAt)
            statement.bind(7, node.removedAt)
            statement.bind(8, node.billedTime(until: end))
            statement.bind(9, node.timeInState[.creating])
            statement.bind(10, node.timeInState[.waitingforstarttask])
            statement.bind(11, node.timeInState[.idle])
            statement.bind(12, node.timeInState[.running])
            statement.bind(13, node.timeInState[.unusable])
            statement.bind(14, node.isRemoved ? NodeState.leavingpool.description : node.state.description)
            statement.bind(15, node.timeInState[.starttaskfailed])
            statement.bind(16, node.timeInState[.preempted])
            statement.bind(17, Int64(node.allocation) + 1)
            statement.bind(18, Int64(node.preemptions))
            statement.bind(19, node.timeInState[.leavingpool])
            try statement.run()
        }
    }

    /// Every autoscale evaluation of the run, ran or skipped, with its results string or error.
    private func insertAutoscaleRuns(_ record: RunRecord) throws(SQLiteError) {
        guard !record.result.autoscaleLog.isEmpty else { return }
        let statement = try database.prepare(
            "INSERT INTO autoscale_runs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        for (index, evaluation) in record.result.autoscaleLog.enumerated() {
            let outcome: String
            switch evaluation.outcome {
            case .applied: outcome = "applied"
            case .failed: outcome = "failed"
            case .skipped: outcome = "skipped"
            }
            statement.bind(1, record.run)
            statement.bind(2, Int64(index))
            statement.bind(3, evaluation.time)
            statement.bind(4, Int64(evaluation.pool))
            statement.bind(5, outcome)
            statement.bind(6, evaluation.outcome == .applied ? evaluation.results : nil)
            statement.bind(7, evaluation.error)
            statement.bind(8, Int64(evaluation.before.dedicated))
            statement.bind(9, Int64(evaluation.before.lowPriority))
            statement.bind(10, Int64(evaluation.after.dedicated))
            statement.bind(11, Int64(evaluation.after.lowPriority))
            try statement.run()
        }
    }

    private func insertMetrics(_ record: RunRecord) throws(SQLiteError) {
        let statement = try database.prepare("INSERT INTO metrics VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        for (position, metric) in record.result.metrics.named.enumerated() {
            let (kind, value, raw) = Self.columns(metric.value)
            try statement.run([
                .integer(record.run), .integer(Int64(position)), .text(metric.name), .text(kind), .real(value),
                .integer(raw),
            ])
        }
    }

    /// How a metric value is stored: its kind, its number (seconds for times) and the exact
    /// integer it came from (milliseconds or count), so that it reads back unchanged.
    static func columns(_ value: MetricValue) -> (String, Double?, Int64?) {
        switch value {
        case .count(let count): ("count", Double(count), Int64(count))
        case .seconds(let milliseconds): ("seconds", Double(milliseconds) / 1000, milliseconds)
        case .cost(let cost): ("cost", cost, nil)
        case .null: ("null", nil, nil)
        }
    }
}
