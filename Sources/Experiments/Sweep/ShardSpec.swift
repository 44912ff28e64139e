/// Which share of a sweep this process runs: `--shard i/n` (1-based), or `--shard auto`,
/// which reads the index and count that batch engines give array tasks.
///
/// Every number is checked before any arithmetic: the environment is as hostile as a file
/// (`SLURM_ARRAY_TASK_ID=9223372036854775807` must be an error, not an overflow trap).
public enum ShardSpec {
    /// Environment variables `--shard auto` reads, in order of preference.
    public static let help = """
        BATCHSIM_SHARD_INDEX (0-based) and BATCHSIM_SHARD_COUNT (set them on an Azure Batch task collection, or \
        anywhere); Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (0-based) with BATCHSIM_SHARD_COUNT set to the \
        job's completions; Slurm job arrays: SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN
        """

    /// Parses `i/n` or `auto`; returns (index 1-based, count).
    public static func parse(_ text: String, environment: [String: String]) throws(SweepGridError) -> (
        index: Int, count: Int
    ) {
        if text == "auto" { return try automatic(environment) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw SweepGridError("--shard expects i/n (e.g. 2/8) or auto, found '\(text)'")
        }
        return try checked(index, count)
    }

    private static func automatic(_ environment: [String: String]) throws(SweepGridError) -> (index: Int, count: Int) {
        func integer(_ name: String) throws(SweepGridError) -> Int? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Int(text) else {
                throw SweepGridError("\(name): expected an integer, found '\(text)'")
            }
            return value
        }
        let count = try integer("BATCHSIM_SHARD_COUNT")
        for name in ["BATCHSIM_SHARD_INDEX", "JOB_COMPLETION_INDEX"] {
            guard let index = try integer(name) else { continue }
            guard let count else {
                throw SweepGridError(
                    name == "JOB_COMPLETION_INDEX"
                        ? "JOB_COMPLETION_INDEX is set; set BATCHSIM_SHARD_COUNT to the Job's completions"
                        : "BATCHSIM_SHARD_INDEX is set but BATCHSIM_SHARD_COUNT is not")
            }
            try checkCount(count, "BATCHSIM_SHARD_COUNT")
            guard (0..<count).contains(index) else {
                throw SweepGridError("\(name)=\(index) is not a shard of \(count): expected 0 ≤ index < \(count)")
            }
            return (index + 1, count)
        }
        if let id = try integer("SLURM_ARRAY_TASK_ID"), let total = try integer("SLURM_ARRAY_TASK_COUNT") {
            let minimum = try integer("SLURM_ARRAY_TASK_MIN") ?? 0
            try checkCount(total, "SLURM_ARRAY_TASK_COUNT")
            // id - minimum can overflow at the Int64 bounds; such an id is outside the array anyway.
            let (offset, overflow) = id.subtractingReportingOverflow(minimum)
            guard !overflow, (0..<total).contains(offset) else {
                throw SweepGridError(
                    "SLURM_ARRAY_TASK_ID=\(id) is not a shard of \(total) starting at SLURM_ARRAY_TASK_MIN=\(minimum): "
                        + "expected \(minimum) ≤ id < \(minimum) + \(total)")
            }
            return (offset + 1, total)
        }
        throw SweepGridError("--shard auto found no shard index in the environment; it reads \(help)")
    }

    private static func checkCount(_ count: Int, _ name: String) throws(SweepGridError) {
        guard count >= 1 else { throw SweepGridError("\(name)=\(count): expected a shard count of at least 1") }
    }

    private static func checked(_ index: Int, _ count: Int) throws(SweepGridError) -> (index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else {
            throw SweepGridError("shard \(index) of \(count) does not exist: expected 1 ≤ i ≤ n")
        }
        return (index, count)
    }
}
