import FlowModel

/// The privacy notices that describe each flow, in id order: what FG033 reads to charge an unstated
/// step to its notice, and who can put right at once a failure repeated across flows (one missing
/// sentence of a notice is behind most repeats), else the model as a whole. A flow several notices
/// describe is charged to the first by id, so the choice is stable.
struct DescribingNotices: Sendable {
    /// By flow id: the notices that describe it, each once, in id order.
    private let noticesByFlow: [String: [String]]

    init(model: SemanticModel) {
        var noticesByFlow: [String: [String]] = [:]
        for id in model.notices.keys.sorted() {
            for flow in model.notices[id]?.flows ?? [] where noticesByFlow[flow.name]?.last != id {
                noticesByFlow[flow.name, default: []].append(id)
            }
        }
        self.noticesByFlow = noticesByFlow
    }

    static func shared(by collector: FindingCollector) -> DescribingNotices {
        collector.facts.value(DescribingNotices.self) { DescribingNotices(model: collector.model) }
    }

    func notices(describing flowID: String) -> [String] { noticesByFlow[flowID] ?? [] }

    /// The same reason, charged to whoever can fix the flow's statement of it.
    func reason(forFlow id: String, key: String, summary: String) -> SameReason {
        let owner = noticesByFlow[id]?.first.map { "flows described by notice `\($0)`" } ?? "flows of this model"
        return SameReason(key: key, owner: owner, summary: summary)
    }
}
