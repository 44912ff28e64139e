/// Which share of a sweep this process runs: `--shard i/n` (1-based), or `--shard auto`,
/// which reads the index and count that batch engines give array tasks.
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
        let count = environment["BATCHSIM_SHARD_COUNT"].flatMap { Int($0) }
        if let index = environment["BATCHSIM_SHARD_INDEX"].flatMap({ Int($0) }) {
            guard let count else { throw SweepGridError("BATCHSIM_SHARD_INDEX is set but BATCHSIM_SHARD_COUNT is not") }
            return try checked(index + 1, count)
        }
        if let index = environment["JOB_COMPLETION_INDEX"].flatMap({ Int($0) }) {
            guard let count else {
                throw SweepGridError("JOB_COMPLETION_INDEX is set; set BATCHSIM_SHARD_COUNT to the Job's completions")
            }
            return try checked(index + 1, count)
        }
        if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap({ Int($0) }),
            let total = environment["SLURM_ARRAY_TASK_COUNT"].flatMap({ Int($0) })
        {
            let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0
            return try checked(id - minimum + 1, total)
        }
        throw SweepGridError("--shard auto found no shard index in the environment; it reads \(help)")
    }

    private static func checked(_ index: Int, _ count: Int) throws(SweepGridError) -> (index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else {
            throw SweepGridError("shard \(index) of \(count) does not exist: expected 1 ≤ i ≤ n")
        }
        return (index, count)
    }
}
