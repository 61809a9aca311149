/// Files held in memory: for tests, rule examples, and anything that checks text it was handed.
public struct InMemorySourceProvider: SourceProvider {
    public let files: [String: [UInt8]]
    public let workspace: Workspace?

    public init(_ files: [String: String], workspace: Workspace? = nil) {
        self.files = files.mapValues { Array($0.utf8) }
        self.workspace = workspace
    }

    public init(bytes: [String: [UInt8]], workspace: Workspace? = nil) {
        self.files = bytes
        self.workspace = workspace
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let bytes = files[PathArithmetic.normalise(path)] else { throw SourceProviderError("no such file") }
        return bytes
    }

    public func size(of path: String) -> Int? { files[PathArithmetic.normalise(path)]?.count }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = PathArithmetic.normalise(path) == "." ? "" : PathArithmetic.normalise(path) + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } && files[PathArithmetic.normalise(path)] == nil
    }

    public func exists(_ path: String) -> Bool {
        files[PathArithmetic.normalise(path)] != nil || isDirectory(path)
    }

    public func flowFiles(under directory: String) throws -> [String] {
        let normalised = PathArithmetic.normalise(directory)
        let prefix = normalised == "." ? "" : normalised + "/"
        return files.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".flow") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public func identity(of path: String) -> String { PathArithmetic.normalise(path) }
}
