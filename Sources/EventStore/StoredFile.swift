import Foundation

/// Checks a path before SQLite opens it. SQLite opens with a plain blocking `open(2)`, so a
/// FIFO would hang `report` or `merge` until some writer appeared, and a character device such
/// as `/dev/zero` would be read without end; `stat(2)` says what the path is without opening it.
enum StoredFile {
    /// Throws unless `path` names a regular file (after following symbolic links).
    static func checkRegular(_ path: String) throws(StoredFileError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw StoredFileError(
                errno == ENOENT ? "no such file" : "cannot be read: \(String(cString: strerror(errno)))")
        }
        let kinds: [(mode_t, String)] = [
            (mode_t(S_IFIFO), "a FIFO"), (mode_t(S_IFCHR), "a character device"), (mode_t(S_IFBLK), "a block device"),
            (mode_t(S_IFDIR), "a directory"), (mode_t(S_IFSOCK), "a socket"),
        ]
        let kind = status.st_mode & mode_t(S_IFMT)
        guard kind != mode_t(S_IFREG) else { return }
        throw .notRegular(kinds.first { $0.0 == kind }?.1 ?? "not a file, FIFO or device")
    }

    /// Opens a stored file read-only after `checkRegular`; SQLite's own failure (a file it cannot
    /// open) becomes the caller's "not a …" error.
    static func open(_ path: String, notOurs: (String) -> StoredFileError) throws(StoredFileError) -> SQLiteDatabase {
        try checkRegular(path)
        do throws(SQLiteError) {
            return try SQLiteDatabase(path: path, readOnly: true)
        } catch {
            throw notOurs(error.message)
        }
    }
}
