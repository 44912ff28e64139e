import ArgumentParser

/// The `batchsim` command line: run, validate, check, report, sweep and merge scenarios of Azure
/// Batch accounts losing their customer-managed key.
@main
struct BatchSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batchsim",
        abstract: "Simulate what happens to Azure Batch pools, nodes, tasks and cost when Batch loses its CMK.",
        version: ToolVersionText.text,
        subcommands: [
            RunCommand.self, ValidateCommand.self, CheckCommand.self, ReportCommand.self, SweepCommand.self,
            MergeCommand.self, AutoscaleCommand.self, ImportCommand.self,
        ]
    )
}
