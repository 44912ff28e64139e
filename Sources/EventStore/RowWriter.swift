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
        try insertMetrics(record)
        try database.execute("COMMIT")
    }

    /// Indexes, views and the schema version, once every row is in.
    func finish() throws(SQLiteError) {
        try database.execute(EventLogSchema.indexesAndViews + "\nPRAGMA user_version = \(EventLogSchema.version);")
    }

    private func insertIdentity(_ record: RunRecord) throws(SQLiteError) {
        let run = try database.prepare("INSERT INTO runs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        run.bind(1, record.run)
        run.bind(2, record.variant)
        run.bind(3, record.scenario.name)
        run.bind(4, record.scenarioSHA256)
        run.bind(5, record.scenario.description)
        run.bind(6, Int64(bitPattern: record.scenario.seed))
        run.bind(7, record.toolVersion)
        run.bind(8, record.scenario.horizon)
        run.bind(9, record.result.metrics.endTime)
        run.bind(10, "complete")
        try run.run()
        let warning = try database.prepare("INSERT INTO warnings VALUES (?1, ?2, ?3)")
        for (position, message) in record.warnings.enumerated() {
            warning.bind(1, record.run)
            warning.bind(2, Int64(position))
            warning.bind(3, message)
            try warning.run()
        }
    }

    private func insertConfiguration(_ record: RunRecord) throws(SQLiteError) {
        let scenario = record.scenario
        let pool = try database.prepare("INSERT INTO pools VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        for (index, config) in scenario.pools.enumerated() {
            pool.bind(1, record.run)
            pool.bind(2, Int64(index))
            pool.bind(3, config.id)
            pool.bind(4, config.vmSize)
            pool.bind(5, Int64(config.taskSlotsPerNode))
            pool.bind(6, config.nodeFillType.rawValue)
            pool.bind(7, config.pricePerNodeHour.dedicated)
            pool.bind(8, config.pricePerNodeHour.lowPriority)
            try pool.run()
        }
        let job = try database.prepare("INSERT INTO jobs VALUES (?1, ?2, ?3, ?4, ?5)")
        for (index, config) in scenario.jobs.enumerated() {
            job.bind(1, record.run)
            job.bind(2, Int64(index))
            job.bind(3, config.id)
            job.bind(4, Int64(config.pool))
            job.bind(5, Int64(config.priority))
            try job.run()
        }
        let key = try database.prepare("INSERT INTO keys VALUES (?1, ?2, ?3)")
        for (index, config) in (scenario.keyVault?.keys ?? []).enumerated() {
            key.bind(1, record.run)
            key.bind(2, Int64(index))
            key.bind(3, config.name)
            try key.run()
        }
        let version = try database.prepare("INSERT INTO key_versions VALUES (?1, ?2, ?3, ?4)")
        for (keyIndex, versions) in record.result.keyVersions.enumerated() {
            for (versionIndex, id) in versions.enumerated() {
                version.bind(1, record.run)
                version.bind(2, Int64(keyIndex))
                version.bind(3, Int64(versionIndex))
                version.bind(4, id)
                try version.run()
            }
        }
        let entry = try database.prepare("INSERT INTO timeline VALUES (?1, ?2, ?3, ?4, ?5)")
        for (index, timelineEntry) in scenario.timeline.enumerated() {
            entry.bind(1, record.run)
            entry.bind(2, Int64(index))
            entry.bind(3, timelineEntry.time)
            entry.bind(4, timelineEntry.action.name)
            entry.bind(5, Int64(timelineEntry.line))
            try entry.run()
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
            "INSERT INTO nodes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
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
            try statement.run()
        }
    }

    private func insertMetrics(_ record: RunRecord) throws(SQLiteError) {
        let statement = try database.prepare("INSERT INTO metrics VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        for (position, metric) in record.result.metrics.named.enumerated() {
            statement.bind(1, record.run)
            statement.bind(2, Int64(position))
            statement.bind(3, metric.name)
            let (kind, value, raw) = Self.columns(metric.value)
            statement.bind(4, kind)
            statement.bind(5, value)
            statement.bind(6, raw)
            try statement.run()
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
