import FlowLanguage

/// Files already parsed and lowered, by path, kept between loads of one model by a long-lived
/// process (the language server): a file whose bytes are unchanged is not parsed or lowered again,
/// so an edit costs the edited file and the resolution, not the whole model. Only the files the
/// latest load used are kept, so the cache holds one entry per file of the model however many
/// edits it sees.
public final class LoweringCache {
    private struct Entry {
        let file: SourceFile
        let lowered: LoweredFile
    }

    private var entries: [String: Entry] = [:]
    private var usedByCurrentLoad: Set<String> = []
    /// How many files the latest load parsed and lowered (the rest came from the cache).
    public private(set) var lastLoadParsedCount = 0

    public init() {}

    /// How many files are held.
    public var count: Int { entries.count }

    func beginLoad() {
        usedByCurrentLoad = []
        lastLoadParsedCount = 0
    }

    /// The lowered file for `bytes` at `path`, lowered now unless the same bytes were lowered before.
    func lowered(path: String, bytes: [UInt8], lower: (SourceFile) -> LoweredFile) -> (file: SourceFile, lowered: LoweredFile) {
        usedByCurrentLoad.insert(path)
        // Array equality compares storage identity first: bytes handed over unchanged cost nothing.
        if let entry = entries[path], entry.file.bytes == bytes { return (entry.file, entry.lowered) }
        let file = SourceFile(path: path, bytes: bytes)
        let lowered = lower(file)
        entries[path] = Entry(file: file, lowered: lowered)
        lastLoadParsedCount += 1
        return (file, lowered)
    }

    /// Whether `bytes` at `path` would come from the cache.
    func holds(path: String, bytes: [UInt8]) -> Bool {
        entries[path].map { $0.file.bytes == bytes } ?? false
    }

    /// Records a file lowered elsewhere (in parallel) for `bytes` at `path`.
    func store(_ file: SourceFile, lowered: LoweredFile) {
        usedByCurrentLoad.insert(file.path)
        entries[file.path] = Entry(file: file, lowered: lowered)
        lastLoadParsedCount += 1
    }

    /// Drops the files the load that just ended did not use (deleted, renamed, no longer included).
    func endLoad() {
        entries = entries.filter { usedByCurrentLoad.contains($0.key) }
    }
}
