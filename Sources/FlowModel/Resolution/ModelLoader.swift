import FlowLanguage

/// Loads the files at some paths (directories recursively, in a stable order), follows includes
/// and `use`, and resolves everything into one `SemanticModel`.
public struct ModelLoader {
    /// Larger files are refused with FG109 rather than exhausting memory.
    public static let maximumFileSize = 64 * 1024 * 1024
    static let maximumIncludeDepth = 200

    let provider: SourceProvider
    /// Files lowered by earlier loads, reused when their bytes are unchanged (nil: lower every file).
    let cache: LoweringCache?
    private var sink = DiagnosticSink(limit: 10_000)
    private var sources = SourceMap()
    private var lowered: [LoweredFile] = []
    /// Identity → display path of every file loaded or being loaded.
    private var loaded: [String: String] = [:]
    /// Display paths of the files currently being included, outermost first.
    private var includeStack: [(path: String, identity: String)] = []
    private var libraryFiles: Set<String> = []
    /// Root files already parsed and lowered (in parallel), by path, waiting to be loaded in order.
    private var prepared: [String: PreparedFile] = [:]

    private struct PreparedFile: Sendable {
        let file: SourceFile
        let lowered: LoweredFile
    }

    public init(provider: SourceProvider, cache: LoweringCache? = nil) {
        self.provider = provider
        self.cache = cache
    }

    public struct Result: Sendable {
        /// Nil when any error was found: later stages only ever see a valid model.
        public let model: SemanticModel?
        public let diagnostics: [Diagnostic]
        public let sources: SourceMap
        /// Every file read, in load order (for `fmt` and caches).
        public let files: [String]
    }

    /// How far loading has got: every file read, parsed and lowered, then the model resolved.
    public enum Stage: Sendable {
        case lowered
        case resolved
    }

    /// `reaching` is called as each stage ends, for callers that time them (`flowgate-bench`).
    /// `cache` keeps lowered files between loads (a long-lived process); it is left holding the
    /// files this load used.
    public static func load(paths: [String], provider: SourceProvider, cache: LoweringCache? = nil, reaching: (Stage) -> Void = { _ in }) -> Result {
        var loader = ModelLoader(provider: provider, cache: cache)
        cache?.beginLoad()
        defer { cache?.endLoad() }
        return loader.run(paths: paths, reaching: reaching)
    }

    private mutating func run(paths: [String], reaching: (Stage) -> Void) -> Result {
        var roots: [String] = []
        for path in paths {
            if path.contains("\0") {
                sink.report(.unreadableFile, "a path contains a NUL character: `\(path)`", at: nil)
                continue
            }
            let normalised = PathArithmetic.normalise(path)
            if provider.isDirectory(normalised) {
                do {
                    roots += try provider.flowFiles(under: normalised)
                } catch {
                    // The provider's error names the directory it could not list.
                    sink.report(.unreadableFile, "\(error)", at: nil)
                }
            } else if provider.exists(normalised) {
                roots.append(normalised)
            } else {
                sink.report(.unreadableFile, "no such file or directory: `\(path)`", at: nil)
            }
        }
        if roots.isEmpty, sink.diagnostics.isEmpty {
            sink.report(.noInput, "no .flow files found in \(paths.map { "`\($0)`" }.joined(separator: ", "))", at: nil)
        }
        roots = roots.filter { root in
            guard isOutsideWorkspace(root) else { return true }
            sink.report(.includeOutsideWorkspace, "`\(root)` leads outside the workspace (\(provider.workspace?.description ?? "")) through a symbolic link; it is not read",
                        at: nil, help: Self.workspaceHelp)
            return false
        }
        prepared = cache.map { prepare(roots, reusing: $0) } ?? Self.prepare(roots, provider: provider)
        for root in roots {
            loadFile(root, includedFrom: nil)
        }
        reaching(.lowered)
        var diagnostics = sink.diagnostics
        for file in lowered { diagnostics += file.diagnostics }
        let paths = lowered.map(\.path)
        // The resolver is left the only owner of the declarations, so it can move them into the
        // model instead of copying every field.
        var resolver = Resolver(files: lowered, libraryFiles: libraryFiles)
        lowered = []
        let model = resolver.resolve()
        reaching(.resolved)
        diagnostics += resolver.diagnostics
        diagnostics.sort()
        let hasErrors = diagnostics.contains { $0.severity == .error }
        var finalModel = model
        finalModel.sources = sources
        return Result(model: hasErrors ? nil : finalModel, diagnostics: diagnostics, sources: sources, files: paths)
    }

    private mutating func loadFile(_ path: String, includedFrom include: SourceSpan?) {
        let identity = provider.identity(of: path)
        if let position = includeStack.firstIndex(where: { $0.identity == identity }) {
            let chain = includeStack[position...].map(\.path) + [path]
            sink.report(
                .includeCycle, "include cycle: \(chain.joined(separator: " → "))", at: include,
                notes: [DiagnosticNote("a file may not include itself, directly or through other files")]
            )
            return
        }
        guard loaded[identity] == nil else { return }
        loaded[identity] = path
        guard includeStack.count < Self.maximumIncludeDepth else {
            sink.report(.includeCycle, "includes nested more than \(Self.maximumIncludeDepth) files deep", at: include)
            return
        }
        if let ready = prepared.removeValue(forKey: path) {
            register(ready.file, lowered: ready.lowered, identity: identity)
            return
        }
        guard let bytes = read(path, includedFrom: include) else { return }
        process(SourceFile(path: path, bytes: bytes), identity: identity)
    }

    /// Reads, parses and lowers files independently of one another, spread over the cores. A file
    /// that is too large or unreadable is left out, to be read and reported in load order.
    private static func prepare(_ paths: [String], provider: SourceProvider) -> [String: PreparedFile] {
        let files = Parallel.map(paths) { path -> PreparedFile? in
            guard let size = provider.size(of: path), size <= maximumFileSize, let bytes = try? provider.read(path) else { return nil }
            let file = SourceFile(path: path, bytes: bytes)
            return PreparedFile(file: file, lowered: lower(file))
        }
        var result: [String: PreparedFile] = [:]
        for case let prepared? in files { result[prepared.file.path] = prepared }
        return result
    }

    /// As `prepare(_:provider:)`, lowering only the files whose bytes `cache` does not hold.
    private func prepare(_ paths: [String], reusing cache: LoweringCache) -> [String: PreparedFile] {
        var result: [String: PreparedFile] = [:]
        var changed: [(path: String, bytes: [UInt8])] = []
        for path in paths {
            guard let size = provider.size(of: path), size <= Self.maximumFileSize, let bytes = try? provider.read(path) else { continue }
            if cache.holds(path: path, bytes: bytes) {
                let (file, lowered) = cache.lowered(path: path, bytes: bytes, lower: Self.lower)
                result[path] = PreparedFile(file: file, lowered: lowered)
            } else {
                changed.append((path, bytes))
            }
        }
        let lowered = Parallel.map(changed) { item -> PreparedFile in
            let file = SourceFile(path: item.path, bytes: item.bytes)
            return PreparedFile(file: file, lowered: Self.lower(file))
        }
        for file in lowered {
            cache.store(file.file, lowered: file.lowered)
            result[file.file.path] = file
        }
        return result
    }

    private static func lower(_ file: SourceFile) -> LoweredFile {
        Lowerer.parseAndLower(file)
    }

    private mutating func read(_ path: String, includedFrom include: SourceSpan?) -> [UInt8]? {
        if let size = provider.size(of: path), size > Self.maximumFileSize {
            let mebibytes = Double(size) / 1_048_576
            let shown = (mebibytes * 10).rounded(.up) / 10
            sink.report(.fileTooLarge, "`\(path)` is \(shown) MiB; flowgate reads files up to \(Self.maximumFileSize / (1024 * 1024)) MiB",
                        at: include ?? SourceSpan(path: path, start: 0, end: 0),
                        help: "split the model into several files")
            return nil
        }
        do {
            return try provider.read(path)
        } catch {
            sink.report(.unreadableFile, "cannot read `\(path)`: \(error)", at: include)
            return nil
        }
    }

    private mutating func process(_ file: SourceFile, identity: String) {
        guard let cache else { return register(file, lowered: Self.lower(file), identity: identity) }
        let (cached, lowered) = cache.lowered(path: file.path, bytes: file.bytes, lower: Self.lower)
        register(cached, lowered: lowered, identity: identity)
    }

    /// Records a lowered file and loads what it includes and uses.
    private mutating func register(_ file: SourceFile, lowered: LoweredFile, identity: String) {
        sources.add(file)
        let includes = lowered.includes
        let uses = lowered.uses
        self.lowered.append(lowered)
        includeStack.append((file.path, identity))
        for include in includes {
            if include.path.contains("\0") {
                sink.report(.includeNotFound, "an included path cannot contain a NUL character", at: include.span)
                continue
            }
            let target = PathArithmetic.resolve(include.path, from: file.path)
            // Confinement first: whether a file outside the workspace exists is not told either.
            if isOutsideWorkspace(target) {
                sink.report(.includeOutsideWorkspace, "`include \"\(include.path)\"` leads outside the workspace (\(provider.workspace?.description ?? "")); it is not read",
                            at: include.span, help: Self.workspaceHelp)
            } else if provider.isDirectory(target) {
                sink.report(.includeNotFound, "`include \"\(include.path)\"` names a directory (`\(target)`); include files one by one",
                            at: include.span, help: "every `.flow` file in the directories given to flowgate is in the model already")
            } else if provider.exists(target) {
                loadFile(target, includedFrom: include.span)
            } else {
                let siblings = (try? provider.flowFiles(under: PathArithmetic.directory(of: target))) ?? []
                let names = siblings.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
                let wanted = include.path.split(separator: "/").last.map(String.init) ?? include.path
                sink.report(.includeNotFound, "included file `\(include.path)` not found (looked for `\(target)`)", at: include.span,
                            help: Suggestion.help(for: wanted, in: names))
            }
        }
        for use in uses {
            loadLibrary(use.name, at: use.span)
        }
        includeStack.removeLast()
    }

    static let workspaceHelp = "includes and linked files must stay in the repository (or the folder with `flowgate.toml`); widen it with `--include-root DIR`"

    /// Whether `path` (its symbolic links resolved) lies outside the provider's workspace.
    private func isOutsideWorkspace(_ path: String) -> Bool {
        guard let workspace = provider.workspace else { return false }
        return !workspace.contains(provider.identity(of: path))
    }

    private mutating func loadLibrary(_ name: String, at span: SourceSpan) {
        guard let library = StandardLibrary.libraries[name] else {
            sink.report(.unknownLibrary, "no library named `\(name)`", at: span,
                        help: Suggestion.help(for: name, in: StandardLibrary.libraries.keys)
                            ?? "available libraries: \(StandardLibrary.libraries.keys.sorted().joined(separator: ", "))")
            return
        }
        for (path, text) in library.files {
            guard loaded[path] == nil else { continue }
            loaded[path] = path
            libraryFiles.insert(path)
            process(SourceFile(path: path, text: text), identity: path)
        }
    }
}
