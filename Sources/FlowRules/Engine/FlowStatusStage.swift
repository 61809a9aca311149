import FlowLanguage
import FlowModel

/// Findings on flows that are not live: a planned or paused flow is checked as a design (its
/// errors are warnings, saying so), an ended flow's findings are history (info). Applied once,
/// after every rule, so no rule has to know about a flow's status.
enum FlowStatusStage {
    static func apply(to findings: [Finding], model: SemanticModel) -> [Finding] {
        var statuses: [String: (status: FlowStatus, since: Day?)] = [:]
        for flow in model.flows {
            if let status = flow.status, status != .live { statuses[flow.id] = (status, flow.statusSince) }
        }
        guard !statuses.isEmpty else { return findings }
        return findings.map { finding in
            guard let (status, since) = statuses[finding.target] else { return finding }
            let when = since.map { " since \($0)" } ?? ""
            let (severity, note): (Severity, String) = switch status {
            case .planned: (min(finding.severity, .warning), "the flow is planned\(when): checked as a design")
            case .paused: (min(finding.severity, .warning), "the flow is paused\(when): checked as a design")
            case .ended, .live: (.info, "the flow ended\(when)")
            }
            return finding.adjusted(severity: severity, note: note)
        }
    }
}
