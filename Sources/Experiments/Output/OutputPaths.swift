import Foundation

/// Path checks that come before anything is written: empty and overlong paths, what an existing
/// path is, where a path really leads (symbolic links and `..` resolved), and safe folder names.
public enum OutputPaths {
    /// Longest path and path component accepted (Linux's PATH_MAX and NAME_MAX, in bytes).
    public static let maximumPathBytes = 4095
    public static let maximumComponentBytes = 255

    /// Refuses an empty path, and one or a component of it longer than the system allows,
    /// before any folder of it is created.
    public static func checkShape(_ path: String, option: String) throws(OutputError) {
        guard !path.isEmpty else { throw OutputError(path, "\(option) is empty: expected a path") }
        guard path.utf8.count <= maximumPathBytes else {
            throw OutputError(
                String(path.prefix(60)) + "…", "\(option) is \(path.utf8.count) bytes; the limit is \(maximumPathBytes)"
            )
        }
        for component in path.split(separator: "/") where component.utf8.count > maximumComponentBytes {
            throw OutputError(
                String(component.prefix(60)) + "…",
                "a name in \(option) is \(component.utf8.count) bytes; the limit is \(maximumComponentBytes)")
        }
        guard !path.utf8.contains(0) else { throw OutputError(path, "\(option) contains a NUL byte") }
    }

    /// The absolute path `path` leads to: symbolic links and `..` of the part that exists are
    /// resolved, the rest is appended as written.
    public static func resolved(_ path: String) -> String {
        let absolute =
            path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", realpath(existing, nil) == nil {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var base = existing
        if let real = realpath(existing, nil) {
            base = String(cString: real)
            free(real)
        }
        return rest.reduce(base) { ($0 as NSString).appendingPathComponent($1) }
    }

    /// What kind of entry is at `path` (symbolic links followed), or nil when nothing is.
    public static func kind(_ path: String) -> EntryKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return EntryKind(mode: info.st_mode)
    }

    /// The (device, inode) of an existing entry, symbolic links followed.
    public static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// A scenario name as one safe folder name: letters, digits, `.`, `_` and `-` kept, anything
    /// else (`/`, spaces, control characters) becomes `-`; `.`, `..` and empty names become
    /// `scenario`; at most 100 characters. `key-disabled-45m` stays `key-disabled-45m`.
    public static func safeComponent(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        var safe = String(name.map { allowed.contains($0) ? $0 : "-" }.prefix(100))
        if safe.allSatisfy({ $0 == "." }) { safe = "scenario" }
        if safe.hasPrefix(".") { safe = "_" + safe.dropFirst() }
        return safe
    }
}

/// A file's identity on its file system: two paths with the same identity are the same file.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
}

/// The kind of an existing file-system entry, as `stat` tells it.
public enum EntryKind: Sendable, CustomStringConvertible {
    case regularFile, directory, fifo, characterDevice, blockDevice, socket, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    public var description: String {
        switch self {
        case .regularFile: "a regular file"
        case .directory: "a folder"
        case .fifo: "a FIFO"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .other: "not a regular file"
        }
    }
}
