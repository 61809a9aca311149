import FlowLanguage
import FlowModel

/// A repository's models, read from its `flowgate.toml`: which folders are separate models (each
/// checked, rendered and reported on its own), where each model's committed diagrams go, each
/// model's rule and model settings, and the date committed outputs are rendered as of.
public struct WorkspaceManifest: Sendable, Equatable {
    /// The name of the workspace file, looked for at the repository root.
    public static let fileName = "flowgate.toml"

    /// The date committed outputs (diagrams) are rendered as of, so that they do not change with
    /// the calendar; `scripts/bump-as-of.sh` moves it.
    public var asOf: Day?
    /// In the order the file lists them.
    public var models: [WorkspaceModel]

    public init(asOf: Day? = nil, models: [WorkspaceModel]) {
        self.asOf = asOf
        self.models = models
    }

    public func model(named name: String) -> WorkspaceModel? {
        models.first { $0.name == name }
    }

    /// The models the given paths name (relative to the workspace root, normalised): a path that
    /// is a model folder, holds model folders (`flows`, `.`), or lies inside one (a changed file)
    /// selects those models. Paths inside no model are returned apart, to be checked as given.
    public func select(_ paths: [String]) -> (models: [WorkspaceModel], outside: [String]) {
        var chosen = Set<String>()
        var outside: [String] = []
        for path in paths {
            let matching = models.filter { model in model.paths.contains { Self.overlaps(path, $0) } }
            if matching.isEmpty { outside.append(path) }
            chosen.formUnion(matching.map(\.name))
        }
        return (models.filter { chosen.contains($0.name) }, outside)
    }

    /// Whether `path` holds `modelPath` or lies inside it (both relative to the root).
    static func overlaps(_ path: String, _ modelPath: String) -> Bool {
        contains(path, modelPath) || contains(modelPath, path)
    }

    /// Whether `inner` is `outer` or lies inside it (normalised relative paths; `.` holds everything).
    public static func contains(_ outer: String, _ inner: String) -> Bool {
        outer.isEmpty || outer == "." || outer == inner || inner.hasPrefix(outer + "/")
    }
}

/// One model of a workspace.
public struct WorkspaceModel: Sendable, Equatable {
    /// Labels the model's output (`== blmk ==`, the SARIF run, the report title when the model
    /// has no `model` statement).
    public var name: String
    /// Files and folders, relative to the workspace root, that together make the model.
    public var paths: [String]
    /// Where `scripts/render-diagrams.sh` and `render` without `-o` keep its committed diagrams.
    public var diagrams: String?
    public var rules: RuleSettings
    /// Settings applied over the model's own `model { }` statement, one by one.
    public var settings: ModelSettingOverrides

    public init(name: String, paths: [String], diagrams: String? = nil, rules: RuleSettings = RuleSettings(), settings: ModelSettingOverrides = ModelSettingOverrides()) {
        self.name = name
        self.paths = paths
        self.diagrams = diagrams
        self.rules = rules
        self.settings = settings
    }
}

/// The settings a `model { }` statement can make, each optional: only those written in the
/// workspace file replace the model's own.
public struct ModelSettingOverrides: Sendable, Equatable {
    public var type1OnLegalCollections: Bool?
    public var suppressBelow: Int?
    public var roundTo: Int?
    public var commissionerIdentifiableChannels: [PurposeCategory]?
    public var unknownNDOOStatusApplies: Bool?

    public init() {}

    public func applied(to settings: ModelSettings) -> ModelSettings {
        var result = settings
        if let type1OnLegalCollections { result.type1OnLegalCollections = type1OnLegalCollections }
        if let suppressBelow { result.minimumSuppressBelow = suppressBelow }
        if let roundTo { result.minimumRounding = roundTo }
        if let commissionerIdentifiableChannels { result.commissionerIdentifiableChannels = commissionerIdentifiableChannels }
        if let unknownNDOOStatusApplies { result.unknownNDOOStatusApplies = unknownNDOOStatusApplies }
        return result
    }
}
