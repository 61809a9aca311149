import FlowModel

/// Who can put right at once a failure repeated across flows: the privacy notice that describes
/// them (one missing sentence of a notice is behind most repeats), else the model as a whole.
/// A flow several notices describe is charged to the first by id, so the choice is stable.
struct RepeatOwners: Sendable {
    /// By flow id: the notice that describes it.
    private let noticeByFlow: [String: String]

    init(model: SemanticModel) {
        var noticeByFlow: [String: String] = [:]
        for id in model.notices.keys.sorted() {
            for flow in model.notices[id]?.flows ?? [] where noticeByFlow[flow.name] == nil {
                noticeByFlow[flow.name] = id
            }
        }
        self.noticeByFlow = noticeByFlow
    }

    static func shared(by collector: FindingCollector) -> RepeatOwners {
        collector.facts.value(RepeatOwners.self) { RepeatOwners(model: collector.model) }
    }

    /// The same reason, charged to whoever can fix the flow's statement of it.
    func reason(forFlow id: String, key: String, summary: String) -> SameReason {
        let owner = noticeByFlow[id].map { "flows described by notice `\($0)`" } ?? "flows of this model"
        return SameReason(key: key, owner: owner, summary: summary)
    }
}
