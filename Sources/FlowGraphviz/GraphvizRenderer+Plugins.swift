import CGraphviz
import Foundation

extension GraphvizRenderer {
    /// Names of the installed layout engines (for example `dot`, `neato`, `sfdp`).
    /// Empty when Graphviz's plugin config is missing.
    public func availableLayoutEngines() -> [String] {
        lock.withLock { context.map { plugins($0, kind: "layout") } ?? [] }
    }

    /// Names of the installed output formats (for example `svg`, `png`, `pdf`).
    public func availableOutputFormats() -> [String] {
        lock.withLock { context.map { plugins($0, kind: "device") } ?? [] }
    }

    /// Throws unless `engine` (and `format`, if given) can be used. With no plugin
    /// config at all the error says: "Graphviz plugins not configured: run `dot -c` as root".
    public func checkPlugins(engine: GraphvizLayoutEngine = .dot, format: GraphvizFormat? = nil) throws {
        try lock.withLock {
            try validatePlugins(try requireContext(), engine: engine, format: format)
        }
    }

    /// The Graphviz library version, for example "2.43.0".
    public var graphvizVersion: String? {
        lock.withLock {
            guard let context, let version = gvcVersion(context) else { return nil }
            return String(cString: version)
        }
    }

    // MARK: - With `lock` held

    func validatePlugins(_ gvc: OpaquePointer, engine: GraphvizLayoutEngine, format: GraphvizFormat?) throws {
        try GraphvizPluginCheck.validate(
            engine: engine,
            format: format,
            layoutEngines: plugins(gvc, kind: "layout"),
            outputFormats: plugins(gvc, kind: "device")
        )
    }

    /// Plugin names of one kind, cached: the plugin set is fixed once gvContext() ran.
    func plugins(_ gvc: OpaquePointer, kind: String) -> [String] {
        if let cached = pluginCache[kind] { return cached }
        GraphvizMessageLog.beginStep()
        var count: Int32 = 0
        let list = cgv_plugin_list(gvc, kind, &count)
        defer { cgv_free_plugin_list(list, count) }
        var names: [String] = []
        if let list {
            for index in 0..<Int(max(count, 0)) {
                if let name = list[index] { names.append(String(cString: name)) }
            }
        }
        pluginCache[kind] = names
        return names
    }
}
