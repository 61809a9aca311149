import FlowIO
import FlowLanguage
import FlowModel
import FlowRules
import FlowWorkspace
import Foundation

/// One model as the server keeps it between edits: its files' bytes, the files already lowered,
/// and the latest load's diagnostics and findings. Each check replaces the previous one's model;
/// what a check does not need again is let go.
final class ModelSession {
    let location: ModelLocation
    private let cache = LoweringCache()
    let symbols = SymbolCache()
    /// The model's `.flow` files on disk, listed once (again after the client reports a change).
    private var listing: [String]?
    /// What was last read from disk of each file, so unchanged files are not read again.
    private var disk: [String: [UInt8]] = [:]
    /// The diagnostics last published for each file that had some, to clear
    /// those that have none now and leave alone those that have not changed.
    var publishedPaths: [String: PublishDiagnosticsParams] = [:]

    private(set) var sources = SourceMap()
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var findings: [Finding] = []
    /// The latest model that loaded without errors (hover shows an instrument's details from it).
    private(set) var model: SemanticModel?
    /// Every file the latest load read, in load order (the standard library's too).
    private(set) var files: [String] = []

    init(location: ModelLocation) {
        self.location = location
    }

    /// How many files the session holds lowered (the memory test watches it stay level).
    var cachedFileCount: Int { cache.count }
    /// The latest check's milliseconds loading the model (the changed files parsed, the whole
    /// model resolved) and analysing it and running the rules, for the benchmark.
    private(set) var lastCheckTimes: (load: Double, rules: Double) = (0, 0)
    /// How many files the latest check parsed again.
    var lastParsedCount: Int { cache.lastLoadParsedCount }

    /// Forgets the disk's contents after the client reports files created, changed or deleted.
    func diskChanged() {
        listing = nil
        disk = [:]
    }

    /// Loads and checks the model with the open documents' text in place of the disk's.
    func check(documents: DocumentStore, asOf date: Day) {
        let provider = FileSystemSourceProvider(workspace: Workspace.discover(for: location.paths))
        if listing == nil {
            listing = location.paths.flatMap { path in
                provider.isDirectory(path) ? ((try? provider.flowFiles(under: path)) ?? []) : [path]
            }
        }
        var files: [String: [UInt8]] = [:]
        for path in listing ?? [] {
            if let open = documents[path] {
                files[path] = open.bytes
            } else if let bytes = disk[path] ?? (try? provider.read(path)) {
                disk[path] = bytes
                files[path] = bytes
            }
        }
        // A document not yet saved is part of the model whose folder it is in.
        for (path, document) in documents.documents where files[path] == nil && location.holds(path) {
            files[path] = document.bytes
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let loaded = ModelLoader.load(paths: location.paths, provider: SnapshotSourceProvider(files: files, disk: provider), cache: cache)
        let loadedAt = DispatchTime.now().uptimeNanoseconds
        sources = loaded.sources
        diagnostics = loaded.diagnostics
        self.files = loaded.files
        findings = []
        if var model = loaded.model {
            model.settings = location.settings.applied(to: model.settings)
            findings = ModelCheck(model, rules: location.rules, asOf: date).findings
            self.model = model
        }
        lastCheckTimes = (Double(loadedAt - started) / 1e6, Double(DispatchTime.now().uptimeNanoseconds - loadedAt) / 1e6)
        symbols.keep(only: Set(loaded.files))
    }

    /// The file at `path` as the latest load saw it.
    func source(_ path: String) -> SourceFile? { sources[path] }

    /// The symbols of every file of the latest load, the standard library's included.
    func allSymbols() -> [FileSymbols] {
        files.compactMap { path in sources[path].map(symbols.symbols) }
    }
}
