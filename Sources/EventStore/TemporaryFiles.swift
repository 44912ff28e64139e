import Foundation
import ParallelWork

/// Files being built under temporary names, removed if the process is interrupted
/// (SIGINT/SIGTERM) so that nothing half-written is left behind.
public enum TemporaryFiles {
    private static let paths = Locked<Set<String>>([])

    static func register(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    static func unregister(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    static func remove(_ path: String) {
        unregister(path)
        unlink(path)
    }

    /// Deletes every registered file; safe to call from a signal-handling queue.
    public static func removeAll() {
        for path in paths.current { unlink(path) }
    }
}
