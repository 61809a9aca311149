import Foundation

public struct AtomicWriteError: Error, CustomStringConvertible {
    public let path: String
    /// Why, without the path: "No space left on device".
    public let reason: String

    public var description: String { "cannot write `\(path)`: \(reason)" }
}

/// Writes files so that readers see either the old or the new content, never half of it:
/// write to a temporary file in the same directory, flush, rename over the target, flush the
/// directory (so the rename itself survives a crash).
///
/// Only regular files are replaced that way. A rename over `/dev/null` or a named pipe would put a
/// regular file where the device was (as root, for every other program too), so character devices
/// and FIFOs are written in place; directories and block devices are refused. A symbolic link is
/// followed only while it leads to a file in the link's own directory (or below it): outputs land
/// in directories committed by others, and `diagrams/overview.svg -> ../victim.txt` must not
/// overwrite the victim. A replaced file keeps its permissions and, where allowed, its owner (a
/// 0600 DPIA stays 0600).
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let target = try destination(of: path)
        switch target.kind {
        case .stream:
            try writeInPlace(bytes, to: target.path, shownAs: path)
        case .regularOrAbsent:
            try replace(target.path, with: bytes, shownAs: path)
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    private enum DestinationKind {
        /// A regular file, or nothing yet: replaced atomically.
        case regularOrAbsent
        /// A character device or FIFO: written to, never replaced.
        case stream
    }

    /// Symbolic links are followed a bounded number of times (a loop is an error), and a file
    /// reached through one must lie in the first link's directory.
    private static func destination(of path: String) throws -> (path: String, kind: DestinationKind) {
        var current = path
        var followed = false
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT {
                    if followed { try confine(current, toDirectoryOf: path) }
                    return (current, .regularOrAbsent)
                }
                throw failure(path, String(cString: strerror(errno)))
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                if followed { try confine(current, toDirectoryOf: path) }
                return (current, .regularOrAbsent)
            case S_IFCHR, S_IFIFO:
                return (current, .stream)
            case S_IFLNK:
                current = try linkTarget(of: current, shownAs: path)
                followed = true
            case S_IFDIR:
                throw failure(path, "is a directory")
            default:
                throw failure(path, "not a regular file")
            }
        }
        throw failure(path, String(cString: strerror(ELOOP)))
    }

    /// Throws unless `target`'s directory is `link`'s directory or inside it (both resolved).
    private static func confine(_ target: String, toDirectoryOf link: String) throws {
        let allowed = resolvedDirectory(of: link)
        let actual = resolvedDirectory(of: target)
        guard let allowed, let actual, actual == allowed || allowed == "/" || actual.hasPrefix(allowed + "/") else {
            throw failure(link, "is a symbolic link to `\(target)`, outside `\(directory(of: link))`; not followed")
        }
    }

    private static func resolvedDirectory(of path: String) -> String? {
        guard let resolved = realpath(directory(of: path), nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// The link's target, relative targets taken from the link's own directory.
    private static func linkTarget(of link: String, shownAs path: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(link, &buffer, buffer.count - 1)
        guard length >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        let directory = (link as NSString).deletingLastPathComponent
        return directory.isEmpty ? target : "\(directory)/\(target)"
    }

    private static func replace(_ path: String, with bytes: [UInt8], shownAs shown: String) throws {
        let folder = directory(of: path)
        let name = (path as NSString).lastPathComponent
        removeStrays(in: folder, named: name)
        let temporary = "\(folder)/" + TemporaryName.make(for: name)
        var existing = stat()
        let replacesFile = stat(path, &existing) == 0 && existing.st_mode & S_IFMT == S_IFREG
        // 0666 less the umask for a new file, as any program creates one.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(shown, String(cString: strerror(errno))) }
        var problem: String?
        if replacesFile {
            // Owner first: changing it may clear set-id bits that the mode then restores. Only root
            // may give a file away; anyone else keeps their own ownership, as an editor would.
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { problem = String(cString: strerror(errno)) }
        }
        if problem == nil { problem = writeAll(bytes, to: descriptor) }
        if problem == nil, fsync(descriptor) != 0 { problem = String(cString: strerror(errno)) }
        if close(descriptor) != 0, problem == nil { problem = String(cString: strerror(errno)) }
        if problem == nil, rename(temporary, path) != 0 { problem = String(cString: strerror(errno)) }
        if let problem {
            unlink(temporary)
            throw failure(shown, problem)
        }
        syncDirectory(folder)
    }

    /// Flushes the directory entry the rename changed; file systems that cannot (EINVAL) are left be.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String, shownAs shown: String) throws {
        // O_NONBLOCK: a FIFO nobody reads is an error now (ENXIO), not a command that never ends.
        let descriptor = open(path, O_WRONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure(shown, String(cString: strerror(errno))) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        var problem = writeAll(bytes, to: descriptor)
        if close(descriptor) != 0, problem == nil { problem = String(cString: strerror(errno)) }
        if let problem { throw failure(shown, problem) }
    }

    /// Nil when every byte was written, else the reason.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    private static func failure(_ path: String, _ reason: String) -> AtomicWriteError {
        AtomicWriteError(path: path, reason: reason)
    }

    // MARK: - Temporary files left behind

    /// The temporary files in `directory` that a run which has ended (killed mid-write, say) left
    /// behind: `.NAME.PID.RANDOM.tmp` whose process is gone. Sorted paths.
    public static func strays(in directory: String) -> [String] {
        strays(in: directory, named: nil)
    }

    /// Removes `strays(in:)` and returns their paths.
    @discardableResult
    public static func removeStrays(in directory: String) -> [String] {
        removeStrays(in: directory, named: nil)
    }

    @discardableResult
    private static func removeStrays(in directory: String, named name: String?) -> [String] {
        let found = strays(in: directory, named: name)
        return found.filter { unlink($0) == 0 }
    }

    private static func strays(in directory: String, named name: String?) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let prefix = directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/"
        return entries.compactMap { entry -> String? in
            guard let temporary = TemporaryName(entry), name == nil || temporary.target == name, !isRunning(temporary.process) else { return nil }
            return prefix + entry
        }.sorted()
    }

    /// Whether a process with this id exists (a signal 0 reaches it, or it belongs to someone else).
    private static func isRunning(_ process: Int32) -> Bool {
        process > 0 && (kill(process, 0) == 0 || errno == EPERM)
    }
}

/// `.NAME.PID.RANDOM.tmp`: the temporary file `AtomicFile` writes before renaming it to NAME.
struct TemporaryName {
    let target: String
    let process: Int32

    static func make(for name: String) -> String {
        ".\(name).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    init?(_ entry: String) {
        guard entry.hasPrefix("."), entry.hasSuffix(".tmp") else { return nil }
        let parts = entry.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, UInt32(parts[parts.count - 1]) != nil, let process = Int32(parts[parts.count - 2]) else { return nil }
        target = parts.dropLast(2).joined(separator: ".")
        self.process = process
    }
}

extension AtomicFile {
    /// Creates `path` and any missing parents (as `mkdir -p`); the error says why in POSIX terms
    /// ("Not a directory"), where Foundation's says "The operation could not be completed".
    public static func createDirectories(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try createDirectories(parent) }
        if mkdir(path, 0o777) != 0, errno != EEXIST {
            throw AtomicWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AtomicWriteError(path: path, reason: String(cString: strerror(ENOTDIR)))
        }
    }
}
