import CSQLite
import Foundation

/// A copy of a log or sweep database, edited through the SQLite C API the way someone with
/// the `sqlite3` shell could: the hostile files the readers must refuse.
enum TamperedFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Copies `path` into a fresh directory (under the same name) and runs `sql` on the copy.
    static func copy(of path: String, applying sql: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tampered-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let copy = directory.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try execute(sql, on: copy)
        return copy
    }

    /// Runs `sql` on the database at `path`, creating it if needed.
    static func execute(_ sql: String, on path: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK,
            let handle
        else { throw Failure(description: "cannot open \(path)") }
        defer { sqlite3_close(handle) }
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw Failure(description: "\(text) in: \(sql)")
        }
    }
}
