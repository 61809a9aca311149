import FlowModel

/// The organisations that exchange data with one busy organisation and with no one else: an ICB's
/// processors, courts, auditors, complainants, the public…
///
/// On the overview they would need a box each in the rank after (or before) their hub: fifteen of
/// them make a column or row far longer than an A4 page holds at a readable size. So the overview
/// draws them as one box per hub ("18 organisations that exchange data only with …"), and a page of
/// their own, the `partners` view, draws the hub with each of them.
enum Partners {
    /// A hub needs at least this many partners for them to get their own page.
    static let minimum = 6

    /// Partners by hub (organisation ids, each list in id order), for hubs with at least `minimum`.
    /// A partner has exactly one pair of organisations it sends to or receives from (one overview
    /// arrow), the other end being the hub, and is in no boundary (whose frame the overview must show).
    static func byHub(_ model: SemanticModel) -> [String: [String]] {
        var pairs: [String: Set<String>] = [:]
        for flow in model.flows where flow.from.name != flow.to.name {
            let pair = flow.from.name + "\u{0}" + flow.to.name
            pairs[flow.from.name, default: []].insert(pair)
            pairs[flow.to.name, default: []].insert(pair)
        }
        let framed = Set(model.boundaries.values.flatMap { $0.members.map(\.name) })
        var result: [String: [String]] = [:]
        for (organisation, touching) in pairs where touching.count == 1 && !framed.contains(organisation) {
            let ends = touching.first!.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            let hub = ends[0] == organisation ? ends[1] : ends[0]
            // A hub is itself connected to more than its partners, or it would be one of two partners.
            guard (pairs[hub]?.count ?? 0) > 1 else { continue }
            result[hub, default: []].append(organisation)
        }
        return result.filter { $0.value.count >= minimum }.mapValues { $0.sorted(by: DiagramBuilder.utf8Less) }
    }
}
