// swift-tools-version: 6.1
import PackageDescription

// A nested package so that the root package never depends on swift-collections.
//
// SwiftPM rejects target paths outside the package root, so `Sources/SimulationKernel` is a
// symlink to the root package's `Sources/SimulationKernel`: the benchmark compiles exactly the
// kernel sources that the simulator uses (without the debug-only invariant checks, as in a
// release build of the root package).
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0")
    ],
    targets: [
        .target(name: "SimulationKernel"),
        .executableTarget(
            name: "QueueBench",
            dependencies: ["SimulationKernel", .product(name: "HeapModule", package: "swift-collections")]
        ),
    ]
)

for target in package.targets {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ]
}
