import FlowModel

/// A `SourceProvider` over files held in memory. Besides plain files it can simulate a symbolic
/// link (another spelling of the same file, for identity) and a file that exists but cannot be read.
struct MemoryFileSystem: SourceProvider {
    private(set) var files: [String: [UInt8]] = [:]
    /// Link path → target path; both normalised.
    private(set) var links: [String: String] = [:]
    private(set) var unreadable: Set<String> = []
    /// Sizes to report instead of the real ones (a "huge" file without allocating it).
    var reportedSizes: [String: Int] = [:]

    init(_ files: [String: String] = [:]) {
        for (path, text) in files { add(path, text) }
    }

    mutating func add(_ path: String, _ text: String) {
        files[PathArithmetic.normalise(path)] = Array(text.utf8)
    }

    mutating func add(_ path: String, bytes: [UInt8]) {
        files[PathArithmetic.normalise(path)] = bytes
    }

    mutating func link(_ path: String, to target: String) {
        links[PathArithmetic.normalise(path)] = PathArithmetic.normalise(target)
    }

    mutating func makeUnreadable(_ path: String, _ text: String = "") {
        add(path, text)
        unreadable.insert(PathArithmetic.normalise(path))
    }

    private func target(_ path: String) -> String {
        let normalised = PathArithmetic.normalise(path)
        return links[normalised] ?? normalised
    }

    func read(_ path: String) throws -> [UInt8] {
        let target = target(path)
        if unreadable.contains(target) { throw SourceProviderError("permission denied") }
        guard let bytes = files[target] else { throw SourceProviderError("no such file") }
        return bytes
    }

    func size(of path: String) -> Int? { reportedSizes[target(path)] ?? files[target(path)]?.count }

    func isDirectory(_ path: String) -> Bool {
        let normalised = PathArithmetic.normalise(path)
        guard files[normalised] == nil, links[normalised] == nil else { return false }
        let prefix = normalised == "." ? "" : normalised + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } || links.keys.contains { $0.hasPrefix(prefix) }
    }

    func exists(_ path: String) -> Bool {
        files[target(path)] != nil || isDirectory(path)
    }

    func flowFiles(under directory: String) throws -> [String] {
        let normalised = PathArithmetic.normalise(directory)
        let prefix = normalised == "." ? "" : normalised + "/"
        let all = (Array(files.keys) + Array(links.keys)).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".flow") }
        return all.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    func identity(of path: String) -> String { target(path) }
}
