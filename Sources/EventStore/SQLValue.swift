/// One value bound to a statement's parameter, for rows built as lists: the configuration and
/// summary tables, a few rows per run. Hot tables (events, tasks, nodes) bind column by column.
enum SQLValue {
    case integer(Int64?)
    case real(Double?)
    case text(String?)
}

extension SQLiteStatement {
    /// Binds `values` to parameters 1, 2, … in order and executes the insert.
    func run(_ values: [SQLValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): bind(index, number)
            case .real(let number): bind(index, number)
            case .text(let text): bind(index, text)
            }
        }
        try run()
    }
}
