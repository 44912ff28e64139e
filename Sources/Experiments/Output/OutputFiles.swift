import Foundation

/// Writes one text output as a whole: to a temporary file beside the destination, then renamed
/// into place, so that a failed or interrupted write never leaves a half-written file (SPEC §4).
public enum OutputFiles {
    public static func write(_ text: String, to path: String) throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw OutputError(path, "cannot write: \(reason(error))")
        }
    }

    /// One short reason for a Foundation file error: the POSIX error's text when there is one
    /// ("No space left on device"), not Foundation's whole description.
    public static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        switch error.code {
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
        default: return error.localizedFailureReason ?? error.localizedDescription
        }
    }
}
