import Foundation
import ParallelWork

/// A one-line progress bar with ETA on standard error, drawn only on a terminal.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let label: String
    /// Serialises the redraws of worker threads.
    private let drawing = Locked(())
    private let started = Date()

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        drawing.withLock { _ in
            let fraction = Double(done) / Double(total)
            let elapsed = Date().timeIntervalSince(started)
            let remaining = fraction > 0 ? elapsed / fraction - elapsed : 0
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let line = "\r\(label) [\(bar)] \(done)/\(total)  ETA \(Int(remaining.rounded())) s "
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
