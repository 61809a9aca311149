import FlowAnalysis
import FlowLanguage
import FlowModel

/// Linkage of confidential patient information received under s251 support that does not cover it.
enum FG041 {
    static let rule = Rule(
        code: "FG041",
        slug: "linkage-without-authority",
        severity: .error,
        legalSource: "COPI Regulations 2002 Schedule, class 4 (processing from more than one source to link, validate quality or completeness, and avoid duplicate or incorrect linkage); CAG standard condition 1 (use only for the purposes in the application)",
        summary: "Confidential patient information received under an s251 approval is linked although the approval does not support linkage.",
        explanation: """
        s251 support covers the processing described in the application, in the circumstances of the \\
        COPI Schedule it names. Linking records from more than one source is its own circumstance \\
        (class 4): an approval for disclosure (class 6) or for making data less identifiable (class 1) \\
        does not carry it, and every linkage multiplies what a recipient can learn about a person.

        The rule looks at every `link` transform. For each input that reached the linking organisation \\
        by a flow whose confidentiality basis cites an approval, and that is confidential patient \\
        information in the linker's hands, it reads the approval's linkage authority:
        - error — `covers-linkage no`, or `classes` listed without class 4;
        - warning — neither recorded, so the approval cannot be shown to support linkage.
        One finding per link and approval, on the link.

        Fix: record the approval's Schedule classes from its letter or the CAG register (`classes 1, \\
        4, 6`, `covers-linkage yes`); if linkage is not covered, seek an amendment before linking, or \\
        link de-identified data under another basis.
        """,
        triggeringExamples: [
            """
            approval disclosure-only "Disclosure for audit" {
              reference "22/CAG/0042"
              regulation 5
              purposes commissioning
              datasets sus, gp-extract
              classes 5, 6
              valid-until 2030-01-01
            }

            flow trust -> supplier "SUS" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 disclosure-only
              applies ndoo
            }

            at supplier link sus, gp-extract -> linked {
              level identifiable
            }
            """,
            """
            approval silent "Approval whose classes are not recorded" {
              reference "22/CAG/0043"
              regulation 5
              purposes commissioning
              valid-until 2030-01-01
            }

            flow trust -> supplier "SUS" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 silent
              applies ndoo
            }

            at supplier link sus, gp-extract -> linked {
              level identifiable
            }
            """,
        ],
        passingExamples: [
            """
            approval linkage "Linkage for audit" {
              reference "22/CAG/0044"
              regulation 5
              purposes commissioning
              classes 4, 5, 6
              valid-until 2030-01-01
            }

            flow trust -> supplier "SUS" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 linkage
              applies ndoo
            }

            at supplier link sus, gp-extract -> linked {
              level identifiable
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let analysis = collector.analysis
        let cited = CitedApprovals.shared(by: collector)
        let held = analysis.identifiability.recipientLevels
        // Per approval (by position), what it says about linkage: most support it, and then no
        // link made under them is looked at further.
        let authority = cited.approvals.map(linkageAuthority)
        guard authority.contains(where: { $0 != .supported }) else { return }
        for (index, transform) in model.transforms.enumerated() where transform.operation == .link {
            // Per approval, the inputs that arrived under it; in id order for stable output.
            var inputsByApproval: [String: (approval: Approval, inputs: [String], flows: [Int])] = [:]
            for holding in analysis.graph.inputHoldings(ofTransform: index) {
                for case .flow(let flow) in analysis.graph.contributions(toHolding: holding) {
                    guard held[flow].isConfidentialByItself, let position = cited.position(ofFlow: flow), authority[position] != .supported,
                          model.flows[flow].confidentiality?.basis.isSection251 == true else { continue }
                    let approval = cited.approvals[position]
                    var entry = inputsByApproval[approval.id] ?? (approval, [], [])
                    let dataset = model.flows[flow].dataset.name
                    if !entry.inputs.contains(dataset) { entry.inputs.append(dataset) }
                    entry.flows.append(flow)
                    inputsByApproval[approval.id] = entry
                }
            }
            for (id, entry) in inputsByApproval.sorted(by: { $0.key < $1.key }) {
                let authority = linkageAuthority(entry.approval)
                guard authority != .supported else { continue }
                let inputs = entry.inputs.map { "`\($0)`" }.joined(separator: ", ")
                let name = entry.approval.reference.map { "approval `\(id)` (\($0))" } ?? "approval `\(id)`"
                let why = authority == .unsupported(recorded: true)
                    ? "which does not support linkage (\(describe(entry.approval)))"
                    : "which records neither `classes` nor `covers-linkage`, so it cannot be shown to support linkage"
                collector.report(
                    "`\(transform.holder.name)` links \(inputs), confidential patient information received under \(name), \(why)",
                    at: transform.span, target: transform.output, discriminator: id,
                    severity: authority == .unsupported(recorded: true) ? .error : .warning,
                    related: entry.flows.prefix(5).map { DiagnosticNote("received under `\(id)`: \(collector.label(model.flows[$0]))", at: model.flows[$0].span) },
                    witness: entry.flows.first.map { analysis.witnessPath(forFlow: $0) },
                    help: authority == .unsupported(recorded: true)
                        ? "seek an amendment adding COPI Schedule class 4 before linking, or link de-identified data under another basis"
                        : "record the approval's Schedule classes from its letter or the CAG register: `classes 1, 4, 6` or `covers-linkage yes|no`"
                )
            }
        }
    }

    enum LinkageAuthority: Equatable {
        case supported
        case unsupported(recorded: Bool)
    }

    /// What an approval says about linkage: `covers-linkage` when recorded, else its Schedule classes.
    static func linkageAuthority(_ approval: Approval) -> LinkageAuthority {
        if let covers = approval.coversLinkage { return covers ? .supported : .unsupported(recorded: true) }
        if approval.classes.isEmpty { return .unsupported(recorded: false) }
        return approval.classes.contains(4) ? .supported : .unsupported(recorded: true)
    }

    static func describe(_ approval: Approval) -> String {
        if approval.coversLinkage == false { return "`covers-linkage no`" }
        return "COPI Schedule classes " + approval.classes.map(String.init).joined(separator: ", ") + ", not class 4"
    }
}
