import FlowAnalysis
import FlowModel

/// Who is inside each boundary: its own members and those of every boundary nested in it, since a
/// boundary inside another is inside it too. Worked out once per run for the rules that ask.
struct BoundaryMembers: Sendable {
    /// By boundary id.
    private let members: [String: Set<String>]

    init(model: SemanticModel) {
        var members: [String: Set<String>] = [:]
        for boundary in model.boundaries.values {
            let own = boundary.members.map(\.name)
            for enclosing in Self.chain(from: boundary, in: model) { members[enclosing.id, default: []].formUnion(own) }
        }
        self.members = members
    }

    static func shared(by collector: FindingCollector) -> BoundaryMembers {
        collector.facts.value(BoundaryMembers.self) { BoundaryMembers(model: collector.model) }
    }

    /// Every organisation inside the boundary, directly or through nesting.
    func of(_ boundary: String) -> Set<String> { members[boundary] ?? [] }

    /// The boundary and those enclosing it, innermost first (bounded, should a model nest in a loop).
    static func chain(from boundary: Boundary, in model: SemanticModel) -> [Boundary] {
        var result: [Boundary] = []
        var current: Boundary? = boundary
        while let node = current, result.count < 64, !result.contains(where: { $0.id == node.id }) {
            result.append(node)
            current = node.parent.flatMap { model.boundaries[$0] }
        }
        return result
    }
}
