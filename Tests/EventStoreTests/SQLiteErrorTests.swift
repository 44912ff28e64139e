import Foundation
import TestSupport
import Testing

@testable import EventStore

/// SQLite errors start with the database file they concern, as the other errors of the tool do: a
/// full disk says which file filled it.
struct SQLiteErrorTests {
    @Test func aFullDatabaseNamesItsFile() throws {
        let path = try CommandRunner.temporaryDirectory().appendingPathComponent("events.sqlite").path
        let database = try SQLiteDatabase(path: path)
        // A file limited to a few pages fills as a full disk would.
        try database.execute("PRAGMA page_size = 512; PRAGMA max_page_count = 4; CREATE TABLE t (x BLOB);")
        let insert = try database.prepare("INSERT INTO t VALUES (zeroblob(4096))")
        #expect {
            try insert.run()
        } throws: { error in
            "\(error)" == "\(path): database or disk is full"
        }
    }

    @Test func errorsNameTheFileTheyWillBecome() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let database = try SQLiteDatabase(
            path: directory.appendingPathComponent(".events.sqlite.tmp").path,
            name: directory.appendingPathComponent("events.sqlite").path)
        #expect {
            try database.execute("SELECT * FROM nowhere")
        } throws: { error in
            "\(error)" == "\(directory.path)/events.sqlite: no such table: nowhere"
        }
    }

    @Test func aFileThatIsNotADatabaseIsNamedOnce() throws {
        let path = try CommandRunner.temporaryDirectory().appendingPathComponent("events.sqlite").path
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let database = try SQLiteDatabase(path: path)
        #expect {
            try database.execute("SELECT count(*) FROM sqlite_master")
        } throws: { error in
            "\(error)" == "\(path): file is not a database"
        }
    }

    @Test func anOpenThatFailsSaysWhyTheSystemRefused() throws {
        let path = try CommandRunner.temporaryDirectory().path + "/missing/events.sqlite"
        #expect {
            _ = try SQLiteDatabase(path: path, readOnly: true)
        } throws: { error in
            "\(error)" == "\(path): unable to open database file: No such file or directory"
        }
    }
}
