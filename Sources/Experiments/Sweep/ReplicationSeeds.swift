import SimulationKernel

/// Seeds of replications. Replication 0 uses the scenario's own seed, so a one-replication
/// sweep reproduces `batchsim run`; replication r > 0 uses a seed derived from (seed, r) by
/// SplitMix64's finaliser. The same r gets the same seed at every grid point (common random
/// numbers across points, as OMNeT++'s seed sets do), so differences between points are
/// not noise.
public enum ReplicationSeeds {
    public static func seed(base: UInt64, replication: Int) -> UInt64 {
        guard replication > 0 else { return base }
        var stream = RandomStream(seed: base, purpose: 0x5EED, entity: UInt64(replication))
        return stream.next()
    }
}
