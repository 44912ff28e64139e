/// Collects errors and warnings while a scenario is decoded, so that one pass reports them all.
final class DiagnosticLog {
    /// After this many errors the rest are dropped (a broken 10-million-row trace must not flood the terminal).
    static let maximumErrors = 100

    let file: String
    private var entries: [(diagnostic: Diagnostic, order: SourceLocation?, sequence: Int)] = []
    private(set) var errorCount = 0
    private var truncated = false
    /// Places whose value is already known to be wrong (a failed `${name}` substitution): later errors there
    /// would only repeat the first.
    private var settled: Set<SourceLocation> = []
    /// Where settings were written, by their path in the file (`pools[0].preemption`), for the checks that
    /// run on the decoded scenario, which keeps no places (warnings about a pool's settings).
    private var places: [String: SourceLocation] = [:]

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { errorCount > 0 }

    /// Whether enough errors were collected that further work would only be dropped.
    var isFull: Bool { errorCount >= Self.maximumErrors }

    /// Records an error. `order` places diagnostics from other files (traces) where they are referenced.
    func error(_ message: String, at location: SourceLocation?, order: SourceLocation? = nil) {
        if let location, settled.contains(location) { return }
        guard errorCount < Self.maximumErrors else {
            truncated = true
            return
        }
        errorCount += 1
        append(Diagnostic(severity: .error, location: location, message: message, file: file), order: order)
    }

    /// Records an error and drops any later one at the same place.
    func finalError(_ message: String, at location: SourceLocation) {
        error(message, at: location)
        settled.insert(location)
    }

    func warning(_ message: String, at location: SourceLocation?) {
        append(Diagnostic(severity: .warning, location: location, message: message, file: file), order: nil)
    }

    /// Notes where the setting at `path` was written, for a later diagnostic about it.
    func remember(_ path: String, at location: SourceLocation) {
        places[path] = location
    }

    /// Where the setting at `path` was written, if a decoder noted it.
    func place(of path: String) -> SourceLocation? {
        places[path]
    }

    func append(_ diagnostic: Diagnostic, order: SourceLocation? = nil) {
        entries.append((diagnostic, order ?? diagnostic.location, entries.count))
    }

    /// Diagnostics of one severity in file order: those without a place first, then by line and column.
    func sorted(_ severity: Diagnostic.Severity) -> [Diagnostic] {
        var result = entries.filter { $0.diagnostic.severity == severity }
            .sorted { left, right in
                let a = (left.order?.line ?? 0, left.order?.column ?? 0, left.sequence)
                let b = (right.order?.line ?? 0, right.order?.column ?? 0, right.sequence)
                return a < b
            }
            .map(\.diagnostic)
        if severity == .error, truncated {
            let message = "too many errors; stopped after \(Self.maximumErrors)"
            result.append(Diagnostic(severity: .error, location: nil, message: message, file: file))
        }
        return result
    }
}
