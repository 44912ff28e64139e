import BatchModel

/// The event log's schema (SPEC §4 "SQLite event log"), documented in `docs/event-log.md`.
///
/// Codes keep the `events` table small (integers only); lookup tables and views give the
/// names, spelled as the Batch REST API spells them.
public enum EventLogSchema {
    /// `PRAGMA user_version` of files this version writes.
    public static let version = 4

    /// Tables created before any row is written.
    static let tables = """
        CREATE TABLE runs (
            run_id INTEGER PRIMARY KEY,
            variant TEXT NOT NULL,
            scenario TEXT NOT NULL,
            scenario_sha256 TEXT,
            description TEXT,
            seed INTEGER NOT NULL,
            tool_version TEXT NOT NULL,
            horizon_ms INTEGER,
            end_ms INTEGER NOT NULL,
            status TEXT NOT NULL
        );
        CREATE TABLE warnings (
            run_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            message TEXT NOT NULL,
            PRIMARY KEY (run_id, position)
        );
        CREATE TABLE entity_types (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE event_names (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE states (
            entity_type INTEGER NOT NULL,
            code INTEGER NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (entity_type, code)
        ) WITHOUT ROWID;
        CREATE TABLE pools (
            run_id INTEGER NOT NULL,
            pool_index INTEGER NOT NULL,
            id TEXT NOT NULL,
            vm_size TEXT,
            task_slots_per_node INTEGER NOT NULL,
            node_fill_type TEXT NOT NULL,
            price_dedicated REAL NOT NULL,
            price_low_priority REAL NOT NULL,
            PRIMARY KEY (run_id, pool_index)
        );
        CREATE TABLE jobs (
            run_id INTEGER NOT NULL,
            job_index INTEGER NOT NULL,
            id TEXT NOT NULL,
            pool_index INTEGER NOT NULL,
            priority INTEGER NOT NULL,
            PRIMARY KEY (run_id, job_index)
        );
        CREATE TABLE keys (
            run_id INTEGER NOT NULL,
            key_index INTEGER NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (run_id, key_index)
        );
        CREATE TABLE key_versions (
            run_id INTEGER NOT NULL,
            key_index INTEGER NOT NULL,
            version_index INTEGER NOT NULL,
            version TEXT NOT NULL,
            PRIMARY KEY (run_id, key_index, version_index)
        );
        CREATE TABLE access_problems (code INTEGER PRIMARY KEY, description TEXT NOT NULL);
        CREATE TABLE timeline (
            run_id INTEGER NOT NULL,
            entry_index INTEGER NOT NULL,
            time_ms INTEGER NOT NULL,
            action TEXT NOT NULL,
            line INTEGER NOT NULL,
            PRIMARY KEY (run_id, entry_index)
        );
        CREATE TABLE events (
            run_id INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            time_ms INTEGER NOT NULL,
            entity_type INTEGER NOT NULL,
            entity_id INTEGER NOT NULL,
            event INTEGER NOT NULL,
            from_state INTEGER,
            to_state INTEGER,
            detail INTEGER NOT NULL
        );
        CREATE TABLE tasks (
            run_id INTEGER NOT NULL,
            task_id INTEGER NOT NULL,
            job_index INTEGER NOT NULL,
            required_slots INTEGER NOT NULL,
            arrival_ms INTEGER,
            accepted_ms INTEGER,
            first_start_ms INTEGER,
            finish_ms INTEGER,
            duration_ms INTEGER,
            client_attempts INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            requeues INTEGER NOT NULL,
            retries INTEGER NOT NULL,
            lost_work_ms INTEGER NOT NULL,
            state TEXT,
            result TEXT,
            PRIMARY KEY (run_id, task_id)
        );
        CREATE TABLE nodes (
            run_id INTEGER NOT NULL,
            node_id INTEGER NOT NULL,
            pool_index INTEGER NOT NULL,
            index_in_pool INTEGER NOT NULL,
            priority TEXT NOT NULL,
            requested_ms INTEGER NOT NULL,
            removed_ms INTEGER,
            billed_ms INTEGER NOT NULL,
            creating_ms INTEGER NOT NULL,
            waitingforstarttask_ms INTEGER NOT NULL,
            idle_ms INTEGER NOT NULL,
            running_ms INTEGER NOT NULL,
            unusable_ms INTEGER NOT NULL,
            final_state TEXT NOT NULL,
            starttaskfailed_ms INTEGER NOT NULL,
            preempted_ms INTEGER NOT NULL,
            allocations INTEGER NOT NULL,
            preemptions INTEGER NOT NULL,
            leavingpool_ms INTEGER NOT NULL,
            PRIMARY KEY (run_id, node_id)
        );
        CREATE TABLE autoscale_runs (
            run_id INTEGER NOT NULL,
            evaluation INTEGER NOT NULL,
            time_ms INTEGER NOT NULL,
            pool_index INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            results TEXT,
            error TEXT,
            dedicated_before INTEGER NOT NULL,
            low_priority_before INTEGER NOT NULL,
            dedicated_after INTEGER NOT NULL,
            low_priority_after INTEGER NOT NULL,
            PRIMARY KEY (run_id, evaluation)
        );
        CREATE TABLE metrics (
            run_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            value REAL,
            raw INTEGER,
            PRIMARY KEY (run_id, name)
        );
        """

    /// Built once the rows are in: building indexes after a bulk load is much faster than
    /// maintaining them row by row.
    ///
    /// Within a run, rows are inserted in `seq` order, so the implicit rowid at the end of each
    /// index entry already orders an entity's events; `seq` need not be in the key. The
    /// sorter runs fastest here with two worker threads and a small cache (measured: 6 s
    /// against 12 s for the 9.5 M events of the large bench).
    static let indexesAndViews = """
        PRAGMA threads = 2;
        PRAGMA cache_size = -2000;
        CREATE INDEX events_by_entity ON events (run_id, entity_type, entity_id);
        CREATE INDEX events_by_time ON events (run_id, time_ms);
        CREATE VIEW events_readable AS
        SELECT e.run_id, e.seq, e.time_ms, e.time_ms / 1000.0 AS time_s,
               et.name AS entity,
               e.entity_id,
               CASE et.name
                   WHEN 'task' THEN (SELECT j.id FROM tasks t JOIN jobs j ON j.run_id = t.run_id AND j.job_index = t.job_index
                                     WHERE t.run_id = e.run_id AND t.task_id = e.entity_id) || '/task-' || e.entity_id
                   WHEN 'node' THEN (SELECT p.id || '/node-' || n.index_in_pool FROM nodes n
                                     JOIN pools p ON p.run_id = n.run_id AND p.pool_index = n.pool_index
                                     WHERE n.run_id = e.run_id AND n.node_id = e.entity_id)
                   WHEN 'pool' THEN (SELECT id FROM pools WHERE run_id = e.run_id AND pool_index = e.entity_id)
                   WHEN 'job' THEN (SELECT id FROM jobs WHERE run_id = e.run_id AND job_index = e.entity_id)
                   WHEN 'client' THEN (SELECT id FROM jobs WHERE run_id = e.run_id AND job_index = e.entity_id)
                   WHEN 'key' THEN (SELECT name FROM keys WHERE run_id = e.run_id AND key_index = e.entity_id)
                   ELSE et.name
               END AS entity_name,
               en.name AS event,
               fs.name AS from_state,
               ts.name AS to_state,
               e.detail
        FROM events e
        JOIN entity_types et ON et.code = e.entity_type
        JOIN event_names en ON en.code = e.event
        LEFT JOIN states fs ON fs.entity_type = e.entity_type AND fs.code = e.from_state
        LEFT JOIN states ts ON ts.entity_type = e.entity_type AND ts.code = e.to_state;

        CREATE VIEW node_state_intervals AS
        SELECT run_id, node_id, pool, state, from_ms, to_ms, to_ms - from_ms AS duration_ms
        FROM (
            SELECT e.run_id, e.entity_id AS node_id, p.id AS pool, s.name AS state, e.event, e.time_ms AS from_ms,
                   COALESCE(LEAD(e.time_ms) OVER (PARTITION BY e.run_id, e.entity_id ORDER BY e.seq), r.end_ms) AS to_ms
            FROM events e
            JOIN runs r ON r.run_id = e.run_id
            JOIN nodes n ON n.run_id = e.run_id AND n.node_id = e.entity_id
            JOIN pools p ON p.run_id = n.run_id AND p.pool_index = n.pool_index
            JOIN states s ON s.entity_type = e.entity_type AND s.code = e.to_state
            WHERE e.entity_type = \(EntityKind.node.rawValue)
        )
        WHERE event <> \(EventName.nodeRemoved.rawValue) AND to_ms > from_ms;

        CREATE VIEW task_attempts AS
        WITH ordered AS (
            SELECT run_id, entity_id AS task_id, seq, time_ms, event, detail,
                   LEAD(time_ms) OVER w AS next_ms, LEAD(event) OVER w AS next_event
            FROM events
            WHERE entity_type = \(EntityKind.task.rawValue) AND event IN (\(attemptEvents))
            WINDOW w AS (PARTITION BY run_id, entity_id ORDER BY seq)
        )
        SELECT o.run_id, o.task_id,
               ROW_NUMBER() OVER (PARTITION BY o.run_id, o.task_id ORDER BY o.seq) AS attempt,
               o.detail AS node_id, o.time_ms AS start_ms, o.next_ms AS end_ms, en.name AS outcome
        FROM ordered o
        LEFT JOIN event_names en ON en.code = o.next_event
        WHERE o.event = \(EventName.taskStarted.rawValue);

        CREATE VIEW task_requeues AS
        SELECT a.run_id, a.task_id, a.attempt, a.node_id, a.end_ms AS time_ms,
               (SELECT r.detail FROM events r
                WHERE r.run_id = a.run_id AND r.entity_type = \(EntityKind.task.rawValue) AND r.entity_id = a.task_id
                  AND r.event = \(EventName.taskRequeued.rawValue) AND r.time_ms = a.end_ms
                ORDER BY r.seq LIMIT 1) AS lost_ms,
               CASE
                 WHEN EXISTS (SELECT 1 FROM events n
                              WHERE n.run_id = a.run_id AND n.entity_type = \(EntityKind.node.rawValue)
                                AND n.entity_id = a.node_id AND n.time_ms = a.end_ms
                                AND n.event = \(EventName.nodeRemoved.rawValue)) THEN 'removal'
                 WHEN EXISTS (SELECT 1 FROM events n
                              WHERE n.run_id = a.run_id AND n.entity_type = \(EntityKind.node.rawValue)
                                AND n.entity_id = a.node_id AND n.time_ms = a.end_ms
                                AND n.to_state = \(NodeState.preempted.rawValue)) THEN 'preemption'
                 ELSE 'key'
               END AS cause
        FROM task_attempts a
        WHERE a.outcome = 'taskRequeued';

        CREATE VIEW account_timeline AS
        SELECT e.run_id, e.seq, e.time_ms, e.time_ms / 1000.0 AS time_s,
               et.name AS entity, en.name AS event,
               fs.name AS from_state, ts.name AS to_state,
               t.action, t.line
        FROM events e
        JOIN entity_types et ON et.code = e.entity_type
        JOIN event_names en ON en.code = e.event
        LEFT JOIN states fs ON fs.entity_type = e.entity_type AND fs.code = e.from_state
        LEFT JOIN states ts ON ts.entity_type = e.entity_type AND ts.code = e.to_state
        LEFT JOIN timeline t ON t.run_id = e.run_id AND t.entry_index = e.detail
            AND e.event IN (\(actionEvents))
        WHERE e.entity_type IN (\(EntityKind.account.rawValue), \(EntityKind.vault.rawValue), \(EntityKind.key.rawValue))
           OR e.event IN (\(actionEvents));
        """

    private static let attemptEvents = [
        EventName.taskStarted, .taskCompleted, .taskFailed, .taskRetried, .taskRequeued,
    ].map { String($0.rawValue) }.joined(separator: ", ")

    private static let actionEvents = [EventName.actionApplied, .actionRejected, .operationRejected]
        .map { String($0.rawValue) }.joined(separator: ", ")

    /// Rows of the lookup tables: every entity, event and state name by code.
    static var lookupRows: (entities: [(Int, String)], events: [(Int, String)], states: [(Int, Int, String)]) {
        let entities = EntityKind.allCases.map { (Int($0.rawValue), $0.description) }
        let events = EventName.allCases.map { (Int($0.rawValue), $0.description) }
        var states: [(Int, Int, String)] = []
        states += AccountState.allCases.map { (Int(EntityKind.account.rawValue), Int($0.rawValue), $0.description) }
        states += NodeState.allCases.map { (Int(EntityKind.node.rawValue), Int($0.rawValue), $0.description) }
        states += TaskState.allCases.map { (Int(EntityKind.task.rawValue), Int($0.rawValue), $0.description) }
        states += PoolAllocationState.allCases.map { (Int(EntityKind.pool.rawValue), Int($0.rawValue), $0.description) }
        return (entities, events, states)
    }
}
