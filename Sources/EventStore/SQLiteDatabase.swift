import CSQLite
import Foundation

/// One SQLite connection over the C API. Not thread-safe: one thread uses it at a time.
///
/// The C API with a reused prepared statement inserts about 1 M rows/s here, the same as C;
/// GRDB measured 0.3–0.74 M rows/s and adds a minute to release builds, so the event log
/// uses the C API directly through the `CSQLite` module map.
final class SQLiteDatabase {
    let handle: OpaquePointer
    /// The file errors name: the path opened, or the file it will become (an event log is built
    /// under a temporary name, but a full disk is news about `events.sqlite`).
    let name: String

    init(path: String, name: String? = nil, readOnly: Bool = false) throws(SQLiteError) {
        let name = name ?? path
        var handle: OpaquePointer?
        // NOMUTEX: one thread uses a connection at a time, so SQLite's per-call locking is waste.
        let access = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let flags = access | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { Self.message(status, $0) } ?? "cannot open the database"
            if let handle { sqlite3_close(handle) }
            throw SQLiteError(code: status, message: message, path: name)
        }
        self.handle = handle
        self.name = name
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &error)
        guard status == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? Self.message(status, handle)
            sqlite3_free(error)
            throw SQLiteError(code: status, message: message, path: name)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw lastError(status) }
        return SQLiteStatement(statement: statement, database: self)
    }

    func lastError(_ status: Int32) -> SQLiteError {
        SQLiteError(code: status, message: Self.message(status, handle), path: name)
    }

    /// SQLite's message, with the operating system's reason when SQLite's is vague: "unable to open
    /// database file" says nothing of a process out of file descriptors.
    private static func message(_ status: Int32, _ handle: OpaquePointer) -> String {
        let message = String(cString: sqlite3_errmsg(handle))
        let system = sqlite3_system_errno(handle)
        guard system != 0, status & 0xFF == SQLITE_CANTOPEN || status & 0xFF == SQLITE_IOERR else { return message }
        let reason = system == EMFILE || system == ENFILE ? "too many open files" : String(cString: strerror(system))
        return "\(message): \(reason)"
    }
}
