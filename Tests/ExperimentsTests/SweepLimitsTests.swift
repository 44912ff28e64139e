import Experiments
import Reporting
import Testing

/// Numbers from the command line and the environment at the 64-bit bounds (issue 11, item 5):
/// `--set` ranges, grid sizes, `--replications` and shard indices are checked with
/// overflow-reporting arithmetic and fail with one clear message.
struct SweepLimitsTests {
    /// The message of what `work` throws, or nil.
    static func failure(_ work: () throws -> Void) -> String? {
        do {
            try work()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aRangeAcrossAllOfInt64IsTooLongNotAnOverflow() {
        #expect(
            Self.failure { _ = try SweepGrid(assignments: ["n=-9223372036854775808..9223372036854775807/1"]) }
                == "n: the range has more than 100000 values")
        #expect(
            Self.failure {
                _ = try SweepGrid(assignments: ["n=-9223372036854775808..9223372036854775807/9223372036854775807"])
            }
                == nil)
    }

    @Test func aRangeEndingAtInt64MaxStopsThere() throws {
        let grid = try SweepGrid(assignments: ["n=9223372036854775805..9223372036854775807/1"])
        #expect(grid.variables[0].values == ["9223372036854775805", "9223372036854775806", "9223372036854775807"])
        let wide = try SweepGrid(assignments: ["n=-9223372036854775808..9223372036854775807/9223372036854775807"])
        #expect(wide.variables[0].values == ["-9223372036854775808", "-1", "9223372036854775806"])
    }

    @Test func aGridWhosePointCountOverflowsIsRefused() {
        let huge = (0..<4).map { "v\($0)=1..100000/1" }
        #expect(
            Self.failure { _ = try SweepGrid(assignments: huge) }
                == "the grid has 100000 × 100000 × 100000 × 100000 points, more than 100000")
        #expect(
            Self.failure { _ = try SweepGrid(assignments: ["a=1..400/1", "b=1..400/1"]) }
                == "the grid has 400 × 400 points, more than 100000")
        #expect(Self.failure { _ = try SweepGrid(assignments: ["a=1..400/1", "b=1..250/1"]) } == nil)
    }

    @Test func replicationsAndRunsHaveUpperBounds() throws {
        let grid = try SweepGrid(assignments: ["a=1..1000/1"])
        #expect(try grid.checkedRunCount(replications: 1000) == 1_000_000)
        #expect(
            Self.failure { _ = try grid.checkedRunCount(replications: 1001) }
                == "the sweep has 1000 points × 1001 replications, more than 1000000 runs")
        #expect(
            Self.failure { _ = try grid.checkedRunCount(replications: Int.max) }
                == "--replications must be from 1 to 100000, found 9223372036854775807")
        #expect(
            Self.failure { _ = try grid.checkedRunCount(replications: 0) }
                == "--replications must be from 1 to 100000, found 0")
    }

    @Test(arguments: [
        (
            ["BATCHSIM_SHARD_INDEX": "9223372036854775807", "BATCHSIM_SHARD_COUNT": "9223372036854775807"],
            "BATCHSIM_SHARD_INDEX=9223372036854775807 is not a shard of 9223372036854775807: "
                + "expected 0 ≤ index < 9223372036854775807"
        ),
        (
            ["JOB_COMPLETION_INDEX": "-9223372036854775808", "BATCHSIM_SHARD_COUNT": "4"],
            "JOB_COMPLETION_INDEX=-9223372036854775808 is not a shard of 4: expected 0 ≤ index < 4"
        ),
        (
            ["BATCHSIM_SHARD_INDEX": "0", "BATCHSIM_SHARD_COUNT": "-9223372036854775808"],
            "BATCHSIM_SHARD_COUNT=-9223372036854775808: expected a shard count of at least 1"
        ),
        (
            ["BATCHSIM_SHARD_INDEX": "0", "BATCHSIM_SHARD_COUNT": "9223372036854775808"],
            "BATCHSIM_SHARD_COUNT: expected an integer, found '9223372036854775808'"
        ),
        (
            [
                "SLURM_ARRAY_TASK_ID": "9223372036854775807", "SLURM_ARRAY_TASK_MIN": "-1",
                "SLURM_ARRAY_TASK_COUNT": "3",
            ],
            "SLURM_ARRAY_TASK_ID=9223372036854775807 is not a shard of 3 starting at SLURM_ARRAY_TASK_MIN=-1: "
                + "expected -1 ≤ id < -1 + 3"
        ),
        (
            [
                "SLURM_ARRAY_TASK_ID": "-9223372036854775808", "SLURM_ARRAY_TASK_MIN": "1",
                "SLURM_ARRAY_TASK_COUNT": "9223372036854775807",
            ],
            "SLURM_ARRAY_TASK_ID=-9223372036854775808 is not a shard of 9223372036854775807 starting at "
                + "SLURM_ARRAY_TASK_MIN=1: expected 1 ≤ id < 1 + 9223372036854775807"
        ),
        (
            ["SLURM_ARRAY_TASK_ID": "two", "SLURM_ARRAY_TASK_COUNT": "3"],
            "SLURM_ARRAY_TASK_ID: expected an integer, found 'two'"
        ),
    ])
    func shardVariablesAtTheBoundsAreErrors(_ environment: [String: String], _ message: String) {
        #expect(Self.failure { _ = try ShardSpec.parse("auto", environment: environment) } == message)
    }

    @Test func shardsAtTheBoundsOfAWrittenSpec() throws {
        #expect(
            try ShardSpec.parse("9223372036854775807/9223372036854775807", environment: [:])
                == (Int.max, Int.max))
        #expect(
            Self.failure { _ = try ShardSpec.parse("9223372036854775808/2", environment: [:]) }
                == "--shard expects i/n (e.g. 2/8) or auto, found '9223372036854775808/2'")
        #expect(
            Self.failure { _ = try ShardSpec.parse("-9223372036854775808/2", environment: [:]) }
                == "shard -9223372036854775808 of 2 does not exist: expected 1 ≤ i ≤ n")
        let last = [
            "SLURM_ARRAY_TASK_ID": "9223372036854775807", "SLURM_ARRAY_TASK_MIN": "9223372036854775806",
            "SLURM_ARRAY_TASK_COUNT": "2",
        ]
        #expect(try ShardSpec.parse("auto", environment: last) == (2, 2))
    }
}
