/// A failed SQLite call: the database file it concerns and SQLite's own message, so that a full disk
/// reads `Reports/x/events.sqlite: database or disk is full` and not `SQLite error 13`.
public struct SQLiteError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String
    /// The database file, as named to `SQLiteDatabase`; `nil` when `message` already names it.
    public var path: String?

    public init(code: Int32, message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// `path: message`, one line.
    public var description: String { path.map { "\($0): \(message)" } ?? message }
}
