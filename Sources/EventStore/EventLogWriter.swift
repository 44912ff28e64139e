import BatchModel
import Dispatch
import Foundation
import ParallelWork

/// Writes runs and their events into a new SQLite event log, on a thread of its own, and
/// moves the file into place only when it is complete (SPEC §4: a failed or interrupted run
/// never leaves a half-written file at the destination).
///
/// ```swift
/// let writer = try EventLogWriter(destination: "Reports/x/events.sqlite")
/// let sink = writer.makeSink(run: 1)           // pass to Simulation.run(_:sink:)
/// writer.add(record, sink: sink)               // after the run: tasks, nodes, metrics
/// try writer.commit()                          // indexes, views, rename into place
/// ```
public final class EventLogWriter: Sendable {
    enum Work: Sendable {
        case events(run: Int64, firstSequence: Int64, [SimEvent])
        case run(RunRecord)
        case finish
    }

    public let destination: String
    /// Where the log is built; beside the destination so that the final rename is atomic.
    public let temporaryPath: String
    private let work = WorkQueue<Work>(capacity: 16)
    private let finished = DispatchSemaphore(value: 0)
    /// Set by the writer thread before `finished` is signalled, read after.
    private let failure = Locked<(any Error)?>(nil)

    public init(destination: String) throws {
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.destination = destination
        TemporaryFiles.reclaimStale(in: directory.path, for: url.lastPathComponent)
        temporaryPath = directory.appendingPathComponent(TemporaryFiles.temporaryName(for: url.lastPathComponent)).path
        try? FileManager.default.removeItem(atPath: temporaryPath)
        TemporaryFiles.register(temporaryPath)
        let database: SQLiteDatabase
        do {
            database = try SQLiteDatabase(path: temporaryPath, name: destination)
            try Self.createSchema(database)
        } catch {
            TemporaryFiles.remove(temporaryPath)
            throw error
        }
        // The writer thread takes the connection out, and alone uses it from then on.
        let box = Locked<SQLiteDatabase?>(database)
        let thread = Thread { [self] in serve(box) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// A sink for one run's events; `run` numbers runs within the file (1, 2, …).
    public func makeSink(run: Int64) -> EventLogSink {
        EventLogSink(run: run, writer: self)
    }

    /// Adds a finished run: flushes its sink's last events, then its summary rows.
    public func add(_ record: RunRecord, sink: EventLogSink?) {
        sink?.flush()
        enqueue(.run(record))
    }

    /// Gives up on the log: waits for the writer thread, then removes the temporary file. The
    /// destination stays as it was.
    public func abandon() {
        enqueue(.finish)
        finished.wait()
        TemporaryFiles.remove(temporaryPath)
    }

    /// Waits for every row, builds indexes and views, and renames the file into place.
    ///
    /// - Parameter beforeRename: called with the finished file's temporary path, closed, to add
    ///   more tables to the same file (a sweep's) before it moves into place.
    public func commit(beforeRename: (String) throws -> Void = { _ in }) throws {
        enqueue(.finish)
        finished.wait()
        if let failure = failure.current {
            TemporaryFiles.remove(temporaryPath)
            throw failure
        }
        do {
            try beforeRename(temporaryPath)
        } catch {
            TemporaryFiles.remove(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            TemporaryFiles.remove(temporaryPath)
            throw SQLiteError(code: -1, message: "cannot move the event log to \(destination): \(reason)")
        }
        TemporaryFiles.unregister(temporaryPath)
    }

    func enqueue(_ item: Work) {
        work.push(item)
    }

    // MARK: - Writer thread

    private func serve(_ box: Locked<SQLiteDatabase?>) {
        do {
            // The connection closes when this returns: before `finished` lets `commit` rename the file.
            try serveUntilFinished(
                box.withLock { database in
                    defer { database = nil }
                    return database
                })
        } catch {
            failure.withLock { $0 = error }
            // Keep taking work so that producers never block on a dead writer.
            while true {
                if case .finish = work.pop() { break }
            }
        }
        finished.signal()
    }

    private func serveUntilFinished(_ database: SQLiteDatabase?) throws {
        guard let database else { return }
        let writer = try RowWriter(database)
        while true {
            switch work.pop() {
            case .events(let run, let first, let events):
                try writer.insert(events, run: run, firstSequence: first)
            case .run(let record):
                try writer.insert(record)
            case .finish:
                try writer.finish()
                return
            }
        }
    }

    private static func createSchema(_ database: SQLiteDatabase) throws(SQLiteError) {
        // The file is built under a temporary name and renamed when complete, so it needs no
        // journal: a crash leaves only the temporary file, never a corrupt destination.
        try database.execute(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -65536;
            """
        )
        try database.execute("BEGIN;" + EventLogSchema.tables)
        let rows = EventLogSchema.lookupRows
        let entity = try database.prepare("INSERT INTO entity_types VALUES (?1, ?2)")
        for (code, name) in rows.entities {
            entity.bind(1, Int64(code))
            entity.bind(2, name)
            try entity.run()
        }
        let event = try database.prepare("INSERT INTO event_names VALUES (?1, ?2)")
        for (code, name) in rows.events {
            event.bind(1, Int64(code))
            event.bind(2, name)
            try event.run()
        }
        let state = try database.prepare("INSERT INTO states VALUES (?1, ?2, ?3)")
        for (entityCode, code, name) in rows.states {
            state.bind(1, Int64(entityCode))
            state.bind(2, Int64(code))
            state.bind(3, name)
            try state.run()
        }
        let problem = try database.prepare("INSERT INTO access_problems VALUES (?1, ?2)")
        for code in AccessProblem.allCases {
            problem.bind(1, Int64(code.rawValue))
            problem.bind(2, code.description)
            try problem.run()
        }
        try database.execute("COMMIT;")
    }
}
