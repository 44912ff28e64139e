/// What a run produces besides its summary: `batchsim run`'s flags, and what tests ask for.
public struct RunOptions: Sendable {
    /// Simulate the baseline too (`--no-baseline` turns it off).
    public var withBaseline: Bool
    /// Render report.md and report.html (and record their time series).
    public var reports: Bool
    /// Where to build the event log; nil for none (`--no-events`).
    public var eventLog: String?
    /// Threads the run may use: 2 simulates the baseline beside the scenario.
    public var threads: Int
    /// Simulate the scenario and its baseline once up to the first instant they can differ
    /// (`--no-share` turns it off; the outputs are the same either way).
    public var share: Bool

    public init(
        withBaseline: Bool = true, reports: Bool = true, eventLog: String? = nil, threads: Int = 2, share: Bool = true
    ) {
        self.withBaseline = withBaseline
        self.reports = reports
        self.eventLog = eventLog
        self.threads = threads
        self.share = share
    }
}
