// swift-tools-version: 6.1
import PackageDescription

/// Strict settings shared by every target (the swift-log habit: one loop, no exceptions).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // Invariant checks (event-queue order, slot accounting) run in debug builds and `swift test`,
    // and compile away in release builds so that benchmarks do not pay for them.
    .define("BATCHSIM_INTERNAL_CHECKS", .when(configuration: .debug)),
]

let package = Package(
    name: "batchsim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "batchsim", targets: ["batchsim"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        // Generic discrete-event machinery: clock, event queue, keyed random streams, distributions.
        .target(name: "SimulationKernel"),
        // Azure Batch + Key Vault semantics (SPEC §2): the scenario value, the state machines, metrics.
        .target(name: "BatchModel", dependencies: ["SimulationKernel", "AutoscaleFormula", "CPrefetch"]),
        // A header-only software prefetch for the engine's hot loop (Swift has no intrinsic for it).
        .systemLibrary(name: "CPrefetch"),
        // The system SQLite library (libsqlite3-dev) through a module map: no wrapper library.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The SQLite event log: schema, batched writer on its own thread, readers.
        .target(name: "EventStore", dependencies: ["BatchModel", "CSQLite", "ParallelWork"]),
        // Scenario files (YAML/JSON) → validated `Scenario` values, with source locations.
        .target(
            name: "ScenarioFormat",
            dependencies: [
                "BatchModel", "SimulationKernel", "AutoscaleFormula", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The Azure Batch autoscale formula language (SPEC §7, rules 22–25 and 27): load, check, evaluate.
        .target(name: "AutoscaleFormula"),
        // `batchsim import`: Azure Batch, Key Vault and task JSON (REST, CLI output, ARM, CLI templates) → a scenario.
        .target(name: "AzureImport", dependencies: ["ScenarioFormat", "BatchModel", "AutoscaleFormula"]),
        // One lock wrapper and one ordered parallel map: every thread the program starts.
        .target(name: "ParallelWork"),
        // Renders what runs produced: summary.json, the terminal table, report.md/html and their charts,
        // JUnit, sweep tables and charts. Reads runs and event logs; runs and writes nothing.
        .target(name: "Reporting", dependencies: ["BatchModel", "ScenarioFormat", "EventStore"]),
        // Runs things: the scenario + baseline pipeline of `batchsim run`, checks, sweeps and their
        // replications and statistics, fingerprints, `check --update`; writes the outputs.
        .target(
            name: "Experiments",
            dependencies: ["BatchModel", "ScenarioFormat", "EventStore", "Reporting", "ParallelWork"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "batchsim",
            dependencies: [
                "BatchModel", "ScenarioFormat", "Reporting", "EventStore", "Experiments", "ParallelWork",
                "AutoscaleFormula", "AzureImport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (run a YAML scenario through the run pipeline, look up metrics).
        .target(name: "TestSupport", dependencies: ["BatchModel", "ScenarioFormat", "Reporting", "Experiments"]),
        .testTarget(name: "ParallelWorkTests", dependencies: ["ParallelWork"]),
        .testTarget(
            name: "AzureImportTests",
            dependencies: ["AzureImport", "ScenarioFormat", "BatchModel", "AutoscaleFormula", "TestSupport"]),
        .testTarget(name: "SimulationKernelTests", dependencies: ["SimulationKernel"]),
        // The reference formulas (Microsoft documentation and public repositories), read from the source tree.
        .testTarget(
            name: "AutoscaleFormulaTests",
            dependencies: ["AutoscaleFormula", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Reference"]
        ),
        .testTarget(
            name: "BatchModelTests", dependencies: ["BatchModel", "TestSupport", "Reporting", "AutoscaleFormula"]),
        .testTarget(
            name: "ScenarioFormatTests",
            dependencies: [
                "ScenarioFormat", "TestSupport", "ParallelWork", "AutoscaleFormula",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Malformed scenarios and their traces, read by MalformedCorpusTests from the source tree.
            exclude: ["Malformed"]
        ),
        .testTarget(
            name: "ReportingTests", dependencies: ["Reporting", "ScenarioFormat", "BatchModel", "TestSupport"]),
        .testTarget(
            name: "ExperimentsTests",
            dependencies: [
                "Experiments", "Reporting", "ScenarioFormat", "BatchModel", "EventStore", "TestSupport", "ParallelWork",
            ],
            // The sweep fixture, read from the source tree.
            exclude: ["Fixtures"]
        ),
        // Golden outputs of the command line, read from the source tree.
        .testTarget(name: "batchsimTests", dependencies: ["TestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "EventStoreTests",
            dependencies: [
                "EventStore", "BatchModel", "Reporting", "ScenarioFormat", "Experiments", "TestSupport", "CSQLite",
                "ParallelWork",
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}

// Event sinks are classes fed once per event (millions per run); dynamic exclusivity checks on
// their stored properties cost more than the work they guard. Debug builds keep the checks.
for target in package.targets where ["Reporting", "EventStore", "Experiments"].contains(target.name) {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
        ]
}
