import FlowLanguage

/// Findings as a reviewer should meet them: one entry per root cause. A finding that names another
/// as its cause is listed under it; findings of one rule failing for the same reason (one missing
/// sentence of a notice behind many flows) are one entry listing every location. Every finding is
/// kept — a baseline or waiver still names each by its own fingerprint — only the presentation and
/// the counts change.
public struct FindingGroup: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// One finding, with whatever follows from it.
        case single
        /// One rule failing for one reason at several places.
        case sameReason = "same-reason"
    }

    public let kind: Kind
    /// What is shown: the finding itself, or for a same-reason group one finding at the first
    /// location whose message states the reason and lists the places.
    public let lead: Finding
    /// Every finding the entry stands for, in source order (the lead alone for a single finding).
    public let members: [Finding]
    /// Findings that follow from a member, in source order: listed under it, not counted apart.
    public let consequences: [Finding]
    /// The highest severity among members and consequences: grouping never lowers a verdict.
    public let severity: Severity
    /// A single finding's own fingerprint; for a group, one made of the rule, the owner and the
    /// reason, so it is stable as flows join or leave the group.
    public let fingerprint: String
}

public enum FindingGroups {
    /// Groups findings given in source order; the groups come in the order of their first member.
    public static func build(_ findings: [Finding]) -> [FindingGroup] {
        let present = Set(findings.map(\.fingerprint))
        let causes = Dictionary(findings.compactMap { finding in finding.cause.map { (finding.fingerprint, $0.fingerprint) } }) { first, _ in first }
        var consequencesByRoot: [String: [Finding]] = [:]
        var standing: [Finding] = []
        for finding in findings {
            if let root = root(of: finding.fingerprint, causes: causes, present: present) {
                consequencesByRoot[root, default: []].append(finding)
            } else {
                standing.append(finding)
            }
        }
        struct GroupKey: Hashable {
            let code: String
            let severity: Severity
            let reason: SameReason
        }
        var order: [GroupKey] = []
        var membersByKey: [GroupKey: [Finding]] = [:]
        var groups: [(position: Int, group: FindingGroup)] = []
        for (position, finding) in standing.enumerated() {
            guard let reason = finding.sameReason else {
                groups.append((position, group(single: finding, consequences: consequencesByRoot[finding.fingerprint] ?? [])))
                continue
            }
            let key = GroupKey(code: finding.code, severity: finding.severity, reason: reason)
            if membersByKey[key] == nil { order.append(key) }
            membersByKey[key, default: []].append(finding)
        }
        let positions = Dictionary(standing.enumerated().map { ($1.fingerprint, $0) }) { first, _ in first }
        for key in order {
            let members = membersByKey[key] ?? []
            let consequences = members.flatMap { consequencesByRoot[$0.fingerprint] ?? [] }.sorted()
            let group = members.count == 1
                ? group(single: members[0], consequences: consequences)
                : group(members, reason: key.reason, consequences: consequences)
            groups.append((positions[members[0].fingerprint] ?? 0, group))
        }
        return groups.sorted { $0.position < $1.position }.map(\.group)
    }

    /// The root a finding follows from, when that root is reported: a chain of causes is followed to
    /// its end, and a cycle (which no rule should make) leaves the finding standing.
    private static func root(of fingerprint: String, causes: [String: String], present: Set<String>) -> String? {
        var current = fingerprint
        var seen: Set<String> = [fingerprint]
        while let cause = causes[current], present.contains(cause) {
            guard seen.insert(cause).inserted else { return nil }
            current = cause
        }
        return current == fingerprint ? nil : current
    }

    private static func group(single finding: Finding, consequences: [Finding]) -> FindingGroup {
        FindingGroup(
            kind: .single, lead: finding, members: [finding], consequences: consequences,
            severity: max(finding.severity, consequences.map(\.severity).max() ?? finding.severity),
            fingerprint: finding.fingerprint
        )
    }

    /// Places named in a group's message before "and N more": the notes list every one.
    static let namedInMessage = 8

    private static func group(_ members: [Finding], reason: SameReason, consequences: [Finding]) -> FindingGroup {
        let first = members[0]
        let targets = members.map { "`\($0.target)`" }
        let named = targets.prefix(namedInMessage).joined(separator: ", ")
            + (targets.count > namedInMessage ? " and \(targets.count - namedInMessage) more" : "")
        let lead = Finding(
            code: first.code, slug: first.slug, severity: first.severity,
            message: "\(reason.summary) — \(members.count) \(reason.owner): \(named)",
            span: first.span,
            // The first member's own notes (what explains it) stand for the group's.
            related: first.related + members.dropFirst().map { DiagnosticNote("also `\($0.target)`", at: $0.span) },
            target: first.target, discriminator: first.discriminator, witness: first.witness, help: first.help,
            sameReason: reason
        )
        let severities = members.map(\.severity) + consequences.map(\.severity)
        return FindingGroup(
            kind: .sameReason, lead: lead, members: members, consequences: consequences,
            severity: severities.max() ?? first.severity,
            fingerprint: Fingerprint.of("group|\(first.code)|\(reason.owner)|\(reason.key)")
        )
    }
}
