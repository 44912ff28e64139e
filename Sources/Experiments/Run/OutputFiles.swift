import Foundation

/// Writes outputs as a whole: to a temporary file beside the destination, then renamed into
/// place, so that a failed or interrupted run never leaves a half-written file (SPEC §4).
public enum OutputFiles {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw WriteError(description: "error: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
