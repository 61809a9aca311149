import FlowIO
import FlowModel
import FlowWorkspace

/// The model a file belongs to: the workspace model (`flowgate.toml`) that holds it, or, outside
/// any workspace or model, every `.flow` file of its folder.
struct ModelLocation: Hashable {
    /// Tells models apart: the workspace file and the model's name, or the folder.
    let key: String
    let name: String?
    /// Absolute paths of the model's folders and files.
    let paths: [String]
    let rules: RuleSettings
    let settings: ModelSettingOverrides

    static func == (lhs: ModelLocation, rhs: ModelLocation) -> Bool { lhs.key == rhs.key }
    func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// `path` is absolute. A workspace file that cannot be read or parsed is passed over: the
    /// file is still checked, with its folder as the model.
    static func containing(_ path: String) -> ModelLocation {
        let folder = PathArithmetic.directory(of: path)
        let alone = ModelLocation(key: folder, name: nil, paths: [folder], rules: RuleSettings(), settings: ModelSettingOverrides())
        guard let workspaceFile = WorkspaceFileSearch.find(WorkspaceManifest.fileName, from: folder),
              let bytes = try? FileSystemSourceProvider().read(workspaceFile),
              let manifest = try? WorkspaceManifest.parse(String(decoding: bytes, as: UTF8.self), file: workspaceFile) else { return alone }
        let root = PathArithmetic.directory(of: workspaceFile)
        let relative = String(path.dropFirst(root == "/" ? 1 : root.count + 1))
        guard path.hasPrefix(root + "/"), let model = manifest.select([relative]).models.first else { return alone }
        return ModelLocation(
            key: workspaceFile + "#" + model.name, name: model.name,
            paths: model.paths.map { PathArithmetic.normalise(root + "/" + $0) }, rules: model.rules, settings: model.settings
        )
    }

    /// Whether `path` is one of the model's files or lies in one of its folders.
    func holds(_ path: String) -> Bool {
        paths.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}
