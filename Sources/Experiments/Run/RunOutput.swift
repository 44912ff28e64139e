public import EventStore
public import Reporting

/// Everything one run produced, rendered but not yet in place: the files of the output
/// directory as text, and the event log still under its temporary name.
public struct RunOutput {
    public var run: ScenarioRun
    public var document: SummaryDocument
    /// The reports' input; nil without reports.
    public var report: ReportInput?
    /// `summary.json`, then `report.md` and `report.html` when reports are on: file name and text.
    public var files: [(name: String, text: String)]
    /// The event log, complete but not yet renamed into place; nil without one.
    public var eventLog: EventLogWriter?

    /// `summary.json`'s text.
    public var summaryJSON: String { files[0].text }
}
