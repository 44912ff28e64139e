/// The tables and columns a schema text creates, compared with a file's: the "is this one of
/// ours" test of both readers (`EventLogFormat`, `SweepStore.read`). The expected shape comes
/// from the very text the writer runs, built in an in-memory database, so it cannot drift.
struct SchemaShape {
    /// Each table with its column names, in creation order.
    let tables: [(name: String, columns: [String])]

    /// The shape `schema` creates; empty if SQLite rejects it (a bug the writer's tests catch).
    init(schema: String) {
        guard let database = try? SQLiteDatabase(path: ":memory:"), (try? database.execute(schema)) != nil,
            let shape = try? SchemaShape(of: database)
        else {
            tables = []
            return
        }
        self = shape
    }

    /// The shape of an open database.
    init(of database: SQLiteDatabase) throws(SQLiteError) {
        let names = try database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        var found: [String] = []
        while try names.step() { found.append(names.string(0) ?? "") }
        let columns = try database.prepare("SELECT name FROM pragma_table_info(?1)")
        var tables: [(name: String, columns: [String])] = []
        for table in found {
            columns.bind(1, table)
            var names: [String] = []
            while try columns.step() { names.append(columns.string(0) ?? "") }
            tables.append((table, names))
        }
        self.tables = tables
    }

    /// What `other` lacks of this shape, in words ("no table 'events'", "table 'events' has no
    /// column 'detail'"), or nil when it has every table and column (extra ones are allowed:
    /// `sweep --events` keeps both schemas in one file).
    func missing(in other: SchemaShape) -> String? {
        let found = Dictionary(other.tables.map { ($0.name, Set($0.columns)) }, uniquingKeysWith: { first, _ in first })
        for (table, columns) in tables {
            guard let present = found[table] else { return "no table '\(table)'" }
            if let column = columns.first(where: { !present.contains($0) }) {
                return "table '\(table)' has no column '\(column)'"
            }
        }
        return nil
    }
}
