import FlowModel

/// Whether a declared purpose or dataset falls within ones an instrument lists: itself, or a wider
/// one it is declared a kind of (`kind-of`), however many steps up. Instruments are matched on the
/// declarations themselves, never on a purpose's category: one research approval does not cover
/// every research flow.
struct KindOf: Sendable {
    private let purposeParents: [String: [String]]
    private let datasetParents: [String: [String]]

    init(model: SemanticModel) {
        purposeParents = model.purposes.compactMapValues { $0.kindOf.isEmpty ? nil : $0.kindOf.map(\.name) }
        datasetParents = model.datasets.compactMapValues { $0.kindOf.isEmpty ? nil : $0.kindOf.map(\.name) }
    }

    static func shared(by collector: FindingCollector) -> KindOf {
        collector.facts.value(KindOf.self) { KindOf(model: collector.model) }
    }

    func purpose(_ name: String, isWithin listed: Set<String>) -> Bool {
        Self.isWithin(name, listed, parents: purposeParents)
    }

    func dataset(_ name: String, isWithin listed: Set<String>) -> Bool {
        Self.isWithin(name, listed, parents: datasetParents)
    }

    /// A walk up the declared `kind-of` links, each name visited once (a model may loop them).
    private static func isWithin(_ name: String, _ listed: Set<String>, parents: [String: [String]]) -> Bool {
        if listed.contains(name) { return true }
        guard parents[name] != nil else { return false }
        var seen: Set<String> = [name]
        var pending = [name]
        while let current = pending.popLast() {
            for parent in parents[current] ?? [] where seen.insert(parent).inserted {
                if listed.contains(parent) { return true }
                pending.append(parent)
            }
        }
        return false
    }
}
