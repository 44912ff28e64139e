import Foundation

/// Files being built under temporary names, removed if the process is interrupted
/// (SIGINT/SIGTERM) so that nothing half-written is left behind.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    static func register(_ path: String) {
        lock.withLock { _ = paths.insert(path) }
    }

    static func unregister(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
    }

    static func remove(_ path: String) {
        unregister(path)
        unlink(path)
    }

    /// Deletes every registered file; safe to call from a signal-handling queue.
    public static func removeAll() {
        let current = lock.withLock { paths }
        for path in current { unlink(path) }
    }
}
