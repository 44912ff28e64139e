import CSQLite

/// Decides whether a SQLite file is an event log this version wrote, before anything reads a row:
/// `PRAGMA user_version` and every table and column of `EventLogSchema.tables`. A foreign or
/// half-written file then gets one clear "not a batchsim event log" instead of SQLite's
/// "no such column" from somewhere in the middle of a report.
enum EventLogFormat {
    static let expected = SchemaShape(schema: EventLogSchema.tables)

    /// Opens the log at `path` read-only and checks its format.
    static func open(_ path: String) throws(StoredFileError) -> SQLiteDatabase {
        let database = try StoredFile.open(path, notOurs: StoredFileError.notAnEventLog)
        try verify(database)
        return database
    }

    static func verify(_ database: SQLiteDatabase) throws(StoredFileError) {
        let version: Int64
        let shape: SchemaShape
        do throws(SQLiteError) {
            let query = try database.prepare("PRAGMA user_version")
            version = try query.step() ? query.int64(0) : 0
            _ = try query.step()
            shape = try SchemaShape(of: database)
        } catch {
            throw .notAnEventLog(error.code == SQLITE_NOTADB ? "not an SQLite database" : error.message)
        }
        guard version == EventLogSchema.version else {
            throw .notAnEventLog("its PRAGMA user_version is \(version); batchsim writes \(EventLogSchema.version)")
        }
        if let missing = expected.missing(in: shape) { throw .notAnEventLog(missing) }
    }
}
