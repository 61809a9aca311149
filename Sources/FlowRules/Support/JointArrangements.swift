import FlowLanguage
import FlowModel

/// The Art 26 arrangements in id order, with their controllers as organisation ids, by name and
/// by controller: FG027 finds a flow's or a pair's candidates without scanning an estate's
/// arrangement per practice.
struct JointArrangements: Sendable {
    /// What the rules read of an arrangement: an estate records one per practice, and the whole
    /// declaration is a large value to copy.
    struct Arrangement: Sendable {
        let id: String
        let span: SourceSpan
        /// Ascending, without repeats.
        let controllers: [Int]
        let listedPurposes: [Reference]
        let validUntil: KnownDate?
    }

    let all: [Arrangement]
    private let named: NameIndex
    /// Per organisation id, positions in `all`.
    let byController: [[Int]]

    init(model: SemanticModel, ids: OrganisationIDs) {
        // Every name an arrangement lists is a declared organisation (the loader rejects others),
        // so it has an id.
        func arrangement(_ id: String, _ declaration: borrowing JointArrangement) -> Arrangement {
            Arrangement(
                id: id, span: declaration.span, controllers: declaration.controllers.compactMap { ids.id($0.name) }.idSet,
                listedPurposes: declaration.purposes, validUntil: declaration.validUntil
            )
        }
        let declared = model.arrangements
        // Sorted by key and read in place, so no declaration is moved or copied.
        all = declared.indices.sorted { declared.keys[$0] < declared.keys[$1] }.map { arrangement(declared.keys[$0], declared.values[$0]) }
        named = NameIndex(all.map(\.id))
        var byController = [[Int]](repeating: [], count: ids.count)
        for (position, arrangement) in all.enumerated() {
            for controller in arrangement.controllers { byController[controller].append(position) }
        }
        self.byController = byController
    }

    static func shared(by collector: FindingCollector, roles: ProcessorRoles) -> JointArrangements {
        collector.facts.value(JointArrangements.self) { JointArrangements(model: collector.model, ids: roles.ids) }
    }

    /// The arrangements the flow names with `agreement`, in the order written.
    func named(by flow: Flow) -> [Int] {
        flow.agreements.isEmpty ? [] : flow.agreements.compactMap { named.position(of: $0.name) }
    }
}
