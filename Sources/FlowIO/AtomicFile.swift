import Foundation

public struct AtomicWriteError: Error, CustomStringConvertible {
    public let description: String
}

/// Writes files so that readers see either the old or the new content, never half of it:
/// write to a temporary file in the same directory, flush, then rename over the target.
///
/// Only regular files are replaced that way. A rename over `/dev/null` or a named pipe would put a
/// regular file where the device was (as root, for every other program too), so character devices
/// and FIFOs are written in place; directories and block devices are refused; a symbolic link is
/// followed so the link stays and the file it names is replaced.
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

    /// Symbolic links are followed (a bounded number of times, so a link loop is an error).
    private static func destination(of path: String) throws -> (path: String, kind: DestinationKind) {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0 else {
                if errno == ENOENT { return (current, .regularOrAbsent) }
                throw failure(path, String(cString: strerror(errno)))
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                return (current, .regularOrAbsent)
            case S_IFCHR, S_IFIFO:
                return (current, .stream)
            case S_IFLNK:
                current = try linkTarget(of: current, shownAs: path)
            case S_IFDIR:
                throw failure(path, "is a directory")
            default:
                throw failure(path, "not a regular file")
            }
        }
        throw failure(path, String(cString: strerror(ELOOP)))
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
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let temporary = "\(folder)/.\((path as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw failure(shown, String(cString: strerror(errno))) }
        var problem = writeAll(bytes, to: descriptor)
        if problem == nil, fsync(descriptor) != 0 { problem = String(cString: strerror(errno)) }
        if close(descriptor) != 0, problem == nil { problem = String(cString: strerror(errno)) }
        if problem == nil, rename(temporary, path) != 0 { problem = String(cString: strerror(errno)) }
        if let problem {
            unlink(temporary)
            throw failure(shown, problem)
        }
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
        AtomicWriteError(description: "cannot write `\(path)`: \(reason)")
    }
}
