import FlowModel
import Foundation

/// Reads `.flow` files from disk for the resolver.
public struct FileSystemSourceProvider: SourceProvider {
    /// Nil reads anywhere (tests and tools handing over their own paths); the commands always
    /// confine reading to the workspace of the paths they are given (`Workspace.discover`).
    public let workspace: Workspace?

    public init(workspace: Workspace? = nil) {
        self.workspace = workspace
    }

    public func read(_ path: String) throws -> [UInt8] {
        // Only regular files: a FIFO or a device named `*.flow` would block or never end.
        // O_NONBLOCK keeps the open itself from waiting for a FIFO's writer.
        guard !path.contains("\0") else { throw SourceProviderError("the path contains a NUL character") }
        if let workspace, !workspace.contains(identity(of: path)) {
            throw SourceProviderError("outside the workspace (\(workspace.description))")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT || errno == EACCES ? FileSystemSourceProvider.reason(for: path) : String(cString: strerror(errno))
            throw SourceProviderError(reason)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) else {
            close(descriptor)
            throw SourceProviderError("not a regular file")
        }
        defer { close(descriptor) }
        // Read straight into the array: through `Data`, every byte of a national estate was copied
        // twice more; into uninitialised storage, since zero-filling it first wrote every byte
        // once more. One byte beyond the size finds the end in one call; a file still growing is
        // read on in chunks as large as what has been read so far.
        let expected = max(Int(status.st_size), 0) + 1
        var bytes = try Self.readChunk(descriptor, capacity: expected)
        guard bytes.count == expected else { return bytes }
        while true {
            let requested = bytes.count
            let more = try Self.readChunk(descriptor, capacity: requested)
            bytes += more
            if more.count < requested { return bytes }
        }
    }

    /// Up to `capacity` bytes, fewer only at the end of the file.
    private static func readChunk(_ descriptor: Int32, capacity: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            while initialized < capacity {
                let count = readSome(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[initialized...]))
                if count == 0 { break }
                guard count > 0 else {
                    if errno == EINTR { continue }
                    throw SourceProviderError("read failed (\(String(cString: strerror(errno))))")
                }
                initialized += count
            }
        }
    }

    static func reason(for path: String) -> String {
        if !FileManager.default.fileExists(atPath: path) { return "no such file" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return "cannot open file"
    }

    public func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Walks the tree itself (rather than trusting an enumerator) so that symbolic-link loops and
    /// unreadable folders end the walk with an error instead of hanging.
    public func flowFiles(under directory: String) throws -> [String] {
        var result: [String] = []
        var visited: Set<String> = []
        var pending = [directory]
        while let current = pending.popLast() {
            let identity = self.identity(of: current)
            guard visited.insert(identity).inserted else { continue }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: current)
            } catch {
                throw SourceProviderError("cannot list `\(current)`: \(FileSystemSourceProvider.reason(for: current))")
            }
            for entry in entries where !entry.hasPrefix(".") {
                let path = current == "." ? entry : current + "/" + entry
                if isDirectory(path) {
                    // A linked directory outside the workspace is not walked (a link to `/` would
                    // walk the machine): it is listed, and refused when it is read.
                    if let workspace, !workspace.contains(self.identity(of: path)) {
                        result.append(path)
                    } else {
                        pending.append(path)
                    }
                } else if entry.hasSuffix(".flow") {
                    result.append(path)
                }
            }
        }
        return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public func identity(of path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}

/// One `read(2)` into `buffer`; at file scope, where `read` is not `FileSystemSourceProvider.read`.
private func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
