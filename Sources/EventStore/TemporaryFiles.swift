import Foundation
import ParallelWork

/// Files and folders being built under temporary names, removed if the process is interrupted
/// (SIGINT, SIGTERM and the other catchable fatal signals) so that nothing half-written is left
/// behind, and reclaimed by the next run when a killed process (SIGKILL) could not remove them.
///
/// Temporary names say what they are and who builds them: `.<final name>.batchsim-incomplete-<pid>`
/// beside the final name, so that a user who finds one knows it can be deleted and a later run
/// knows whether its builder is still alive.
public enum TemporaryFiles {
    private struct Registry {
        var paths: Set<String> = []
        /// Undo actions that must run before any path is removed (put back what was moved).
        var cleanups: [String: @Sendable () -> Void] = [:]
    }

    private static let registry = Locked(Registry())

    /// What every temporary name carries after the final name.
    public static let marker = ".batchsim-incomplete-"

    /// The hidden name under which this process builds `name` (a file or a folder).
    public static func temporaryName(for name: String, pid: Int32 = getpid()) -> String {
        ".\(name)\(marker)\(pid)"
    }

    /// Removes what dead processes left while building `name` in `directory`: entries named
    /// `temporaryName(for: name, pid:)` whose process no longer exists. Entries of live processes
    /// (another run writing there now) are left alone.
    public static func reclaimStale(in directory: String, for name: String) {
        let prefix = ".\(name)\(marker)"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid > 0, !isAlive(pid) else { continue }
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(entry))
        }
    }

    /// Whether a process with this id exists (a process of another user counts as existing).
    static func isAlive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    /// Registers a file or folder to remove if the process is interrupted.
    public static func register(_ path: String) {
        registry.withLock { _ = $0.paths.insert(path) }
    }

    /// The path is complete (renamed into place) or removed: no longer the interruption's business.
    public static func unregister(_ path: String) {
        registry.withLock { _ = $0.paths.remove(path) }
    }

    /// Registers an action to run on interruption before registered paths are removed; `key`
    /// names it for `unregisterCleanup`.
    public static func registerCleanup(_ key: String, _ action: @escaping @Sendable () -> Void) {
        registry.withLock { $0.cleanups[key] = action }
    }

    public static func unregisterCleanup(_ key: String) {
        registry.withLock { _ = $0.cleanups.removeValue(forKey: key) }
    }

    /// Unregisters and removes a file or folder.
    public static func remove(_ path: String) {
        unregister(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs every cleanup action, then deletes every registered file and folder; called from the
    /// signal-handling queue (an ordinary thread, not a signal handler).
    public static func removeAll() {
        let (paths, cleanups) = registry.withLock { registry in
            defer { registry = Registry() }
            return (registry.paths, Array(registry.cleanups.values))
        }
        for cleanup in cleanups { cleanup() }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }
}
