import EventStore
import Foundation
import ParallelWork

/// An output folder replaced as a whole: everything is written into a fresh hidden sibling, which
/// then takes the folder's place in one `rename` (an exchange where the system has one), so a
/// reader of the folder sees the previous run's files or the new run's files, never a mix.
///
/// What else the folder holds is kept: its other files are hard-linked into the new folder (no
/// copy, same files), its symbolic links re-created, and its subfolders moved across just before
/// the exchange (and moved back if anything fails or a signal arrives first). See
/// docs/outputs.md for what a reader sees at each moment.
///
/// ```swift
/// let staged = try StagedDirectory(destination: "Reports/x", owned: ["summary.json"])
/// try OutputFiles.write(json, to: staged.path + "/summary.json")
/// try staged.commit()
/// ```
public final class StagedDirectory {
    /// The folder being replaced, as given, and where it really is.
    public let destination: String
    public let resolvedDestination: String
    /// The hidden sibling being filled.
    public let path: String
    /// The names this command owns in the folder: an old entry of one of these names is not
    /// carried over, so the folder holds exactly this run's outputs (an old `report.md` does not
    /// stay beside a new `summary.json` written with `--no-report`).
    private let owned: Set<String>
    private var finished = false

    /// Creates the hidden sibling (and the destination's parent folders), after removing what
    /// killed runs left there.
    public init(destination: String, owned: [String]) throws(OutputError) {
        self.destination = destination
        self.owned = Set(owned)
        resolvedDestination = OutputPaths.resolved(destination)
        let parent = (resolvedDestination as NSString).deletingLastPathComponent
        let name = (resolvedDestination as NSString).lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(destination, "cannot create its parent folder: \(Self.reason(error))")
        }
        TemporaryFiles.reclaimStale(in: parent, for: name)
        path = (parent as NSString).appendingPathComponent(TemporaryFiles.temporaryName(for: name))
        try? FileManager.default.removeItem(atPath: path)
        guard mkdir(path, 0o755) == 0 else {
            throw OutputError(destination, "cannot create a folder beside it: \(String(cString: strerror(errno)))")
        }
        TemporaryFiles.register(path)
    }

    deinit {
        if !finished { abandon() }
    }

    /// Puts the new folder in place of the old one. On failure nothing visible has changed.
    public func commit() throws(OutputError) {
        finished = true
        TemporaryFiles.unregister(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolvedDestination, isDirectory: &isDirectory) else {
            guard rename(path, resolvedDestination) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: path)
                throw OutputError(destination, "cannot move the new outputs into place: \(reason)")
            }
            return
        }
        let moved: [String]
        do {
            moved = try carryOver()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        let staging = path
        let target = resolvedDestination
        TemporaryFiles.registerCleanup(staging) { Self.moveBack(moved, from: staging, to: target) }
        defer { TemporaryFiles.unregisterCleanup(staging) }
        guard Self.exchange(path, resolvedDestination) else {
            let reason = String(cString: strerror(errno))
            Self.moveBack(moved, from: path, to: resolvedDestination)
            try? FileManager.default.removeItem(atPath: path)
            throw OutputError(destination, "cannot replace the folder: \(reason)")
        }
        // `path` now holds the previous outputs and links to files that live on in the new folder.
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes one text file into the new folder; an error names the file where it was going to be
    /// (`<destination>/<name>`), not the hidden folder.
    public func write(_ text: String, name: String) throws(OutputError) {
        do {
            try OutputFiles.write(text, to: path + "/" + name)
        } catch {
            throw OutputError((destination as NSString).appendingPathComponent(name), error.reason)
        }
    }

    /// Gives up: the destination stays as it was.
    public func abandon() {
        finished = true
        TemporaryFiles.remove(path)
    }

    /// Links, re-creates or moves what the old folder holds besides this command's outputs;
    /// returns the subfolders moved (to move back if the exchange fails).
    private func carryOver() throws(OutputError) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: resolvedDestination)) ?? []
        var folders: [String] = []
        for entry in entries.sorted() where !owned.contains(entry) {
            let old = (resolvedDestination as NSString).appendingPathComponent(entry)
            let new = (path as NSString).appendingPathComponent(entry)
            var info = stat()
            guard lstat(old, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                folders.append(entry)
            case S_IFLNK:
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: old),
                    symlink(target, new) == 0
                else { throw OutputError(old, "cannot keep this link in the new folder") }
            default:
                guard link(old, new) == 0 else {
                    throw OutputError(
                        old, "cannot keep this file in the new folder: \(String(cString: strerror(errno)))")
                }
            }
        }
        var moved: [String] = []
        for folder in folders {
            let old = (resolvedDestination as NSString).appendingPathComponent(folder)
            let new = (path as NSString).appendingPathComponent(folder)
            guard rename(old, new) == 0 else {
                let reason = String(cString: strerror(errno))
                Self.moveBack(moved, from: path, to: resolvedDestination)
                throw OutputError(old, "cannot keep this folder in the new output folder: \(reason)")
            }
            moved.append(folder)
        }
        return moved
    }

    private static func moveBack(_ folders: [String], from staging: String, to destination: String) {
        for folder in folders {
            _ = rename(
                (staging as NSString).appendingPathComponent(folder),
                (destination as NSString).appendingPathComponent(folder))
        }
    }

    /// Exchanges two folders in one step (Linux `renameat2(RENAME_EXCHANGE)`, macOS
    /// `renamex_np(RENAME_SWAP)`). Where the file system cannot, falls back to two renames, with
    /// an instant in which the destination does not exist.
    static func exchange(_ new: String, _ destination: String) -> Bool {
        #if os(Linux)
            typealias Renameat2 =
                @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32)
                -> Int32
            if let symbol = dlsym(nil, "renameat2") {
                let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
                if renameat2(AT_FDCWD, new, AT_FDCWD, destination, 2) == 0 { return true }
                guard errno == EINVAL || errno == ENOSYS else { return false }
            }
        #elseif canImport(Darwin)
            if renamex_np(new, destination, UInt32(RENAME_SWAP)) == 0 { return true }
            guard errno == ENOTSUP || errno == EINVAL else { return false }
        #endif
        let aside = new + ".previous"
        guard rename(destination, aside) == 0 else { return false }
        guard rename(new, destination) == 0 else {
            _ = rename(aside, destination)
            return false
        }
        return rename(aside, new) == 0
    }

    private static func reason(_ error: any Error) -> String {
        OutputFiles.reason(error)
    }
}
