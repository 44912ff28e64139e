/// A text input read whole, for every command that reads a file a user names: a scenario, an
/// autoscale formula or its samples, an Azure JSON export.
///
/// One place answers each way a read can fail, with one diagnostic naming the path: a named pipe,
/// a device or a `/proc` file is refused before a byte is read (see `InputFile`), a file over
/// `limit` bytes is refused, and bytes that are not UTF-8 are one error at the first bad byte, so
/// that no command goes on with replacement characters.
public enum InputText {
    /// The bytes of the file at `path`, valid UTF-8; `what` names it in the messages
    /// (`cannot read the formula: it is a directory`).
    public static func read(path: String, what: String, limit: Int) throws(ScenarioError) -> [UInt8] {
        func fail(_ message: String, at location: SourceLocation? = nil) -> ScenarioError {
            ScenarioError(diagnostics: [Diagnostic(severity: .error, location: location, message: message, file: path)])
        }
        let size: Int
        let contents: [UInt8]?
        do {
            let file = try InputFile(path: path)
            size = file.size
            contents = size <= limit ? try file.readAll(limit: limit) : nil
        } catch {
            throw fail("cannot read the \(what): \(error.reason)")
        }
        guard let data = contents else {
            // A file may grow between `stat` and the read: then its size is only known to be too large.
            let found = size <= limit ? "more than \(limit)" : String(size)
            throw fail("the \(what) file is \(found) bytes; the limit is \(limit >> 20) MiB (\(limit) bytes)")
        }
        let problem = data.withUnsafeBufferPointer { bytes in
            UTF8Validation.firstProblem(in: bytes).map {
                ($0, YAMLTree.location(ofByte: $0.offset, in: bytes, file: path))
            }
        }
        if let (problem, location) = problem { throw fail(problem.message, at: location) }
        return data
    }
}
