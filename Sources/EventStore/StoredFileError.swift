/// Why a file given to `report` or `merge` cannot be used: it is not a regular file, not a
/// file batchsim wrote, or one whose values no run could have written (tampered, truncated or
/// from another tool). Descriptions leave out the path; the command line puts it in front
/// (`error: PATH: inconsistent event log: …`).
public struct StoredFileError: Error, CustomStringConvertible, Equatable {
    public var description: String

    init(_ description: String) {
        self.description = description
    }

    /// A FIFO, device, socket or directory: opening one to read could block, or read forever.
    static func notRegular(_ kind: String) -> Self {
        Self("not a regular file (\(kind))")
    }

    static func notAnEventLog(_ why: String) -> Self {
        Self("not a batchsim event log (\(why))")
    }

    static func inconsistentLog(_ what: String) -> Self {
        Self("inconsistent event log: \(what)")
    }

    static func notASweepDatabase(_ why: String) -> Self {
        Self("not a batchsim sweep database (\(why))")
    }

    static func inconsistentSweep(_ what: String) -> Self {
        Self("inconsistent sweep database: \(what)")
    }
}
