internal import Foundation

/// Why an input file (a scenario or a trace) cannot be read, in words a user can act on, instead of
/// a Foundation error dump. Kinds of file are told apart before anything is read, so that a named
/// pipe never blocks and `/proc` is never parsed as YAML.
enum InputFileProblem: Error, Equatable {
    case missing
    case directory
    case namedPipe
    case characterDevice
    case blockDevice
    case socket
    /// A file of a kernel file system (`proc`, `sysfs`, …): its size and contents are made up on read.
    case kernelFile(fileSystem: String)
    /// An operating-system error while opening or reading, by `errno`.
    case system(Int32)

    init(errno code: Int32) {
        self = code == ENOENT ? .missing : .system(code)
    }

    /// What was found, for `trace: expected a readable CSV file, found … at 'path'`; `nil` for
    /// system errors, which say why instead (see `reason`).
    var found: String? {
        switch self {
        case .missing: "no file"
        case .directory: "a directory"
        case .namedPipe: "a named pipe (FIFO)"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .kernelFile(let fileSystem): "a file of the kernel's \(fileSystem) file system"
        case .system: nil
        }
    }

    /// The problem as the end of `cannot read the scenario: …`.
    var reason: String {
        switch self {
        case .missing: return "no such file"
        case .directory: return "it is a directory"
        case .system(let code): return Self.text(errno: code)
        default: return "it is \(found ?? "not a file"), not a regular file"
        }
    }

    /// `strerror`, in the words of this tool where they are clearer.
    static func text(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case EMFILE, ENFILE: "too many open files"
        case ENAMETOOLONG: "a component of the path is too long"
        case ENOTDIR: "a component of the path is not a directory"
        case ELOOP: "too many levels of symbolic links"
        case EISDIR: "it is a directory"
        default: String(cString: strerror(code))
        }
    }
}
