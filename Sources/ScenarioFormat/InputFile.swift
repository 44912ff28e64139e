internal import Foundation

/// An input file open for reading: a scenario or a trace, refused before a byte is read unless it
/// is a regular file on a real file system.
///
/// `FileManager.contents(atPath:)` blocks forever on a named pipe, reads `/dev/zero` until memory
/// runs out, parses `/proc` files as if they were scenarios and reports every failure as `nil`.
/// Here the path is checked with `stat` first (no side effect, no blocking), opened non-blocking,
/// checked again on the open descriptor (the file may have been swapped in between), and read
/// with a bound, so that each failure becomes one `InputFileProblem`.
final class InputFile {
    let path: String
    /// The size the file system reports; a regular file may still grow while it is read.
    let size: Int
    private let descriptor: Int32
    /// Where `read` puts bytes before they are appended.
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)

    init(path: String) throws(InputFileProblem) {
        self.path = path
        var status = stat()
        guard stat(path, &status) == 0 else { throw InputFileProblem(errno: errno) }
        try Self.checkKind(status)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputFileProblem(errno: errno) }
        do throws(InputFileProblem) {
            guard fstat(descriptor, &status) == 0 else { throw InputFileProblem(errno: errno) }
            try Self.checkKind(status)
            try Self.checkFileSystem(path)
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        size = Int(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// Reads the next bytes of the file (at most 1 MiB) onto the end of `buffer`; 0 at the end of the file.
    func read(appendingTo buffer: inout [UInt8]) throws(InputFileProblem) -> Int {
        let got = chunk.withUnsafeMutableBytes { chunk in
            guard let base = chunk.baseAddress else { return 0 }
            while true {
                let got = Foundation.read(descriptor, base, chunk.count)
                if got >= 0 || errno != EINTR { return got < 0 ? -Int(errno) : got }
            }
        }
        guard got >= 0 else { throw .system(Int32(-got)) }
        buffer.append(contentsOf: chunk[0..<got])
        return got
    }

    /// The whole file, or `nil` when it holds more than `limit` bytes (it may have grown since `size`
    /// was read).
    func readAll(limit: Int) throws(InputFileProblem) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(size, limit) + 1)
        while bytes.count <= limit, try read(appendingTo: &bytes) > 0 {}
        return bytes.count > limit ? nil : bytes
    }

    private static func checkKind(_ status: stat) throws(InputFileProblem) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .directory
        case S_IFIFO: throw .namedPipe
        case S_IFCHR: throw .characterDevice
        case S_IFBLK: throw .blockDevice
        case S_IFSOCK: throw .socket
        default: throw .system(EINVAL)
        }
    }

    /// Kernel file systems show regular files whose size says nothing about what a read returns,
    /// and whose contents are no one's scenario. (Glibc's module does not export `statfs`, so the
    /// mount points are recognised by name.)
    private static func checkFileSystem(_ path: String) throws(InputFileProblem) {
        guard let resolved = realpath(path, nil) else { return }
        defer { free(resolved) }
        let real = String(cString: resolved)
        for (mount, name) in [("/proc", "proc"), ("/sys", "sysfs")] where real.hasPrefix(mount + "/") {
            throw .kernelFile(fileSystem: name)
        }
    }
}
