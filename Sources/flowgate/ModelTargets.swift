import FlowIO
import FlowModel
import FlowWorkspace
import Foundation

/// One model a command works on: a model of the workspace (`flowgate.toml`), or, outside any
/// workspace, the paths given on the command line (default `flows/`).
struct ModelTarget {
    /// The workspace model's name; nil for paths given outside a workspace (output is then unlabelled).
    let name: String?
    /// What to load, relative to the current directory.
    let paths: [String]
    /// The model's committed diagrams, relative to the current directory.
    let diagrams: String?
    let rules: RuleSettings
    let settings: ModelSettingOverrides

    init(name: String?, paths: [String], diagrams: String? = nil, rules: RuleSettings = RuleSettings(), settings: ModelSettingOverrides = ModelSettingOverrides()) {
        self.name = name
        self.paths = paths
        self.diagrams = diagrams
        self.rules = rules
        self.settings = settings
    }

    /// `== blmk (flows/blmk) ==`, the line above a model's output when the workspace has models.
    var heading: String? {
        name.map { "== \($0) (\(paths.joined(separator: ", "))) ==" }
    }

    /// Loads the model; its settings are the workspace's `[models.NAME.settings]` over its own
    /// `model { }` statement's. The model is nil when loading found errors.
    /// `provider` confines what includes may read (`WorkspaceOptions`, --include-root).
    func load(provider: FileSystemSourceProvider) -> (result: ModelLoader.Result, model: SemanticModel?) {
        let loaded = ModelLoader.load(paths: paths, provider: provider)
        guard var model = loaded.model else { return (loaded, nil) }
        model.settings = settings.applied(to: model.settings)
        return (loaded, model)
    }
}

/// The workspace around the current directory and the models a command's paths name.
struct ModelTargets {
    /// The workspace file, relative to the current directory; nil outside a workspace.
    let workspaceFile: String?
    let workspace: WorkspaceManifest?
    let targets: [ModelTarget]

    /// Finds `flowgate.toml` in the current directory or above (not beyond the repository's root:
    /// a folder with `.git`), and picks the models `paths` name (every model when none is given).
    /// A workspace file that cannot be read or used is an error (exit 2) at its file:line.
    ///
    /// `changedFiles` (the pre-commit hook's `check --changed`): the paths are files a commit
    /// changes. In a workspace they pick the models that hold them (directories among the paths,
    /// the model directory a hook's `args` names for use without a workspace, are passed over); outside one,
    /// the directories among the paths (default `flows/`) are the model, loaded whole, and a changed
    /// file inside them adds nothing — a model spans files, so checking the file alone would report
    /// names it uses from other files as unknown.
    static func resolve(_ paths: [String], changedFiles: Bool = false) throws -> ModelTargets {
        let current = FileManager.default.currentDirectoryPath
        guard let found = findWorkspaceFile(from: current) else {
            var inputs = paths.isEmpty ? ["flows"] : paths
            if changedFiles { inputs = modelOfChangedFiles(paths) }
            return ModelTargets(workspaceFile: nil, workspace: nil, targets: [ModelTarget(name: nil, paths: inputs)])
        }
        let root = PathArithmetic.directory(of: found)
        let shownFile = relative(found, to: current)
        let workspace: WorkspaceManifest
        do {
            let text = String(decoding: try FileSystemSourceProvider().read(found), as: UTF8.self)
            workspace = try WorkspaceManifest.parse(text, file: shownFile)
        } catch let error as WorkspaceError {
            Terminal.error(error.description)
            throw ExitStatus.invalid
        } catch {
            Terminal.error("\(shownFile): error: cannot read the workspace file: \(error)")
            throw ExitStatus.invalid
        }
        var paths = paths
        if changedFiles {
            let files = paths.filter { !isDirectory($0) }
            if !files.isEmpty { paths = files }
        }
        // The paths as the workspace names them (relative to its folder), remembering how each was
        // typed: a path in no model, or outside the workspace's folder, is loaded as given.
        var inWorkspace: [String] = []
        var typed: [String: String] = [:]
        var outside: [String] = []
        for path in paths {
            let absolute = PathArithmetic.normalise(path.hasPrefix("/") ? path : current + "/" + path)
            guard let inRoot = Self.path(absolute, inside: root) else {
                outside.append(path)
                continue
            }
            inWorkspace.append(inRoot)
            typed[inRoot] = path
        }
        let selection = paths.isEmpty ? (models: workspace.models, outside: []) : workspace.select(inWorkspace)
        outside += selection.outside.compactMap { typed[$0] }
        var targets = selection.models.map { model in
            ModelTarget(
                name: model.name,
                paths: model.paths.map { relative(PathArithmetic.normalise(root + "/" + $0), to: current) },
                diagrams: model.diagrams.map { relative(PathArithmetic.normalise(root + "/" + $0), to: current) },
                rules: model.rules, settings: model.settings
            )
        }
        if !outside.isEmpty { targets.append(ModelTarget(name: nil, paths: outside)) }
        return ModelTargets(workspaceFile: shownFile, workspace: workspace, targets: targets)
    }

    /// `absolute` relative to `root` (both normalised) when it lies inside it; `.` for the root itself.
    static func path(_ absolute: String, inside root: String) -> String? {
        if absolute == root { return "." }
        let prefix = root == "/" ? "/" : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func modelOfChangedFiles(_ paths: [String]) -> [String] {
        let directories = paths.filter(isDirectory)
        let model = directories.isEmpty ? ["flows"] : directories.map(PathArithmetic.normalise)
        let outside = paths.filter { path in
            !directories.contains(path) && !model.contains { WorkspaceManifest.contains($0, PathArithmetic.normalise(path)) }
        }
        return model + outside
    }

    static func findWorkspaceFile(from directory: String) -> String? {
        WorkspaceFileSearch.find(WorkspaceManifest.fileName, from: directory)
    }

    /// `path` (absolute, normalised) as seen from `directory` (absolute, normalised).
    static func relative(_ path: String, to directory: String) -> String {
        let from = directory.split(separator: "/")
        let to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
