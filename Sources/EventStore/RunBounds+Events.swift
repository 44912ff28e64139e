import BatchModel

/// Checking one row of `events` before it becomes a `SimEvent`.
extension RunBounds {
    /// The row as an event, or an error naming the row and the value that no run could write.
    ///
    /// - Parameter previous: the time of the run's previous event; times never go backwards.
    func event(
        seq: Int64, time: Int64, entityCode: Int64, id: Int64, nameCode: Int64, from: Int64?, to: Int64?,
        detail: Int64, previous: Int64
    ) throws(StoredFileError) -> SimEvent {
        func bad(_ what: String) -> StoredFileError { .inconsistentLog("event \(seq) of run \(run) \(what)") }
        guard (0...end).contains(time) else { throw bad("has time_ms \(time), outside the run (0 to \(end))") }
        guard time >= previous else { throw bad("has time_ms \(time), before the previous event's \(previous)") }
        guard let entity = (0...254).contains(entityCode) ? EntityKind(rawValue: UInt8(entityCode)) : nil else {
            throw bad("has entity_type \(entityCode), expected 0 to \(EntityKind.allCases.count - 1)")
        }
        guard let name = (0...254).contains(nameCode) ? EventName(rawValue: UInt8(nameCode)) : nil else {
            throw bad("has event \(nameCode), expected 0 to \(EventName.allCases.count - 1)")
        }
        let (count, plural) = population(of: entity)
        // The count is of rows; Int32(exactly:) also covers a foreign file with billions of them.
        guard (0..<count).contains(id), let index = Int32(exactly: id) else {
            throw bad(
                "has entity_id \(id), but the run has \(count) \(plural)\(count > 0 ? " (0 to \(count - 1))" : "")")
        }
        func state(_ code: Int64?, _ column: String) throws(StoredFileError) -> UInt8 {
            guard let code else { return SimEvent.noState }
            guard (0...254).contains(code), entity.stateName(UInt8(code)) != nil else {
                throw bad("has \(column) \(code), which is not a state of \(entity == .account ? "an" : "a") \(entity)")
            }
            return UInt8(code)
        }
        let event = SimEvent(
            time: time, entity: entity, entityIndex: index, name: name, fromState: try state(from, "from_state"),
            toState: try state(to, "to_state"), detail: detail)
        if let (limit, what) = detailBound(of: event), !limit.contains(detail) {
            throw bad("(\(name)) has detail \(detail), expected \(what)")
        }
        return event
    }

    /// How many entities of a kind the run has, and their name in the plural.
    private func population(of entity: EntityKind) -> (Int64, String) {
        switch entity {
        case .account: (1, "account")
        case .vault: (1, "vault")
        case .key: (keys, "keys")
        case .pool: (pools, "pools")
        case .node: (nodes, "nodes")
        case .job: (jobs, "jobs")
        case .client: (jobs, "job clients")
        case .task: (tasks, "tasks")
        }
    }

    /// The values `detail` may take for this event (`EventDetail`), where a report uses it.
    private func detailBound(of event: SimEvent) -> (ClosedRange<Int64>, String)? {
        func index(_ count: Int64, _ what: String) -> (ClosedRange<Int64>, String) {
            count > 0 ? (0...count - 1, "a \(what) from 0 to \(count - 1)") : (1...0, "none: the run has no \(what)")
        }
        let retries = 1...Int64(Int32.max)
        switch event.name {
        case .actionApplied, .actionRejected, .operationRejected: return index(timelineEntries, "timeline entry")
        case .stateChanged:
            guard event.entity == .account else { return nil }
            return (-1...Int64(AccessProblem.allCases.count - 1), "-1 or an access problem code")
        case .versionAdded, .versionExpired:
            guard event.entity == .key else { return nil }
            return index(versions[Int64(event.entityIndex)] ?? 0, "version of key \(event.entityIndex)")
        case .nodeAdded: return index(pools, "pool")
        case .taskSubmitted: return (retries, "an attempt number from 1")
        case .submissionRejected, .taskDropped: return index(tasks, "task")
        case .taskStarted: return index(nodes, "node")
        case .taskRequeued: return (0...end, "lost work from 0 to \(end) ms")
        case .taskRetried: return (retries, "a retry number from 1")
        case .startTaskAttemptFailed: return (0...Int64(Int32.max), "an attempt number from 0")
        case .autoscaleEvaluated: return (0...1, "0 (applied) or 1 (failed)")
        case .retentionPurged, .nodeRemoved, .taskCompleted, .taskFailed, .autoscaleSkipped: return nil
        }
    }
}
