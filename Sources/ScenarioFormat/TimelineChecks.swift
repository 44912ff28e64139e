internal import BatchModel
internal import SimulationKernel

/// Static checks of the timeline against the vault it acts on (SPEC §2 rules 7 and 15):
///
/// - an error for a key version that the key can never have (not listed, never added by `addKeyVersion`,
///   not an `auto-N` version of a rotating key): a typo that would silently be a vault rejection;
/// - a warning for an action that certainly has no effect, found by replaying the timeline in time order
///   through the model's Key Vault state machine (`VaultReplay` over `VaultState`), and for a
///   `preemptNodes` on a pool that has had no low-priority nodes by then (SPEC §6 rule 19).
struct TimelineChecks {
    let log: DiagnosticLog

    func checkVersionReferences(_ timeline: TimelineDecoder.Decoded, vault: KeyVaultConfig?) {
        guard let vault else { return }
        for (entry, place) in zip(timeline.entries, timeline.places) {
            guard let (keyName, version) = Self.versionReference(entry.action), let version,
                let key = vault.keys.first(where: { $0.name.lowercased() == keyName.lowercased() })
            else { continue }
            let added = timeline.entries.compactMap { other -> String? in
                guard case .addKeyVersion(let name, let added) = other.action, name.lowercased() == keyName.lowercased()
                else { return nil }
                return added.id
            }
            let known = key.versions.map(\.id) + added
            if known.contains(where: { $0.lowercased() == version.lowercased() }) { continue }
            if key.rotateEvery != nil, Self.isAutomaticVersion(version) { continue }
            let listed = known.isEmpty ? "it has none" : known.map { "'\($0)'" }.joined(separator: ", ")
            log.error(
                "version: expected a version of key '\(key.name)' (\(listed)) or one added by addKeyVersion, "
                    + "found '\(version)'\(EditDistance.hint(for: version, among: known))",
                at: place.version ?? place.entry)
        }
    }

    /// Warns about every action that certainly has no effect when it happens.
    func warnAboutIneffectiveActions(_ timeline: TimelineDecoder.Decoded, scenario: Scenario) {
        var replay = VaultReplay(scenario)
        let order = timeline.entries.indices.sorted {
            (timeline.entries[$0].time, $0) < (timeline.entries[$1].time, $1)
        }
        for index in order {
            let entry = timeline.entries[index]
            let reason = replay.apply(entry.action, at: entry.time).map(String.init(describing:))
            guard let reason = reason ?? Self.noLowPriorityNodes(entry, scenario: scenario) else { continue }
            log.warning(
                "\(entry.action.name) at \(DurationSyntax.format(entry.time)) has no effect: \(reason)",
                at: timeline.places[index].entry)
        }
    }

    /// Why a `preemptNodes` certainly has no effect: its pool has had no low-priority node by then, counting
    /// every `resizePool` up to the same instant as if it were accepted at once.
    static func noLowPriorityNodes(_ entry: TimelineEntry, scenario: Scenario) -> String? {
        guard case .preemptNodes(let pool, _) = entry.action, pool < scenario.pools.count else { return nil }
        let id = scenario.pools[pool].id
        switch ScenarioWarnings.firstLowPriorityTime(pool: pool, in: scenario) {
        case nil: return "pool '\(id)' never has low-priority nodes"
        case let first? where first > entry.time:
            return "pool '\(id)' has no low-priority nodes before \(DurationSyntax.format(first))"
        default: return nil
        }
    }

    /// The key and version named by an action that names an existing version.
    static func versionReference(_ action: TimelineAction) -> (key: String, version: String?)? {
        switch action {
        case .enableKey(let key, let version), .disableKey(let key, let version),
            .setKeyExpiry(let key, let version, _):
            (key, version)
        default: nil
        }
    }

    /// `auto-N`, the name a rotation policy gives its N-th version (SPEC §2 rule 16).
    static func isAutomaticVersion(_ id: String) -> Bool {
        let lowered = id.lowercased()
        return lowered.hasPrefix("auto-") && Int(lowered.dropFirst(5)) != nil
    }
}
