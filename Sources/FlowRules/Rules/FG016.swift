import FlowAnalysis
import FlowLanguage
import FlowModel

/// R16: opt-out exemption claimed without evidence, or without the alternative opt-out that
/// standard condition 8 still requires.
enum FG016 {
    static let rule = Rule(
        code: "FG016",
        slug: "opt-out-exemption-without-evidence",
        severity: .warning,
        legalSource: "NDOP operational policy guidance §5.1 (the disclosing controller must satisfy itself before relying on an exemption; an alternative opt-out is required where standard condition 8 still applies) and §7; CAG standard condition 8",
        summary: "A flow relies on an opt-out exemption with no recorded evidence, or on a National Data Opt-out exemption with no alternative opt-out.",
        explanation: """
        An exemption from an opt-out is a claim the disclosing controller has to be able to prove. For \
        the National Data Opt-out the proof is the CAG approval letter or register entry showing the \
        approval as "exempted", or the NDOP §7 entry that covers the purpose; NDOP §5.1 puts the duty \
        to check it on the organisation making the disclosure. And an exemption is not the end of \
        patient choice: every s251 approval carries standard condition 8 (the wishes of patients who \
        have withheld consent are respected), so where CAG advised that the national opt-out need not \
        be applied, an alternative opt-out (typically a local code recorded at the GP practice, such as \
        the risk-stratification objection) must exist.

        The rule only looks at exemptions that matter: those a flow actually relies on because, \
        without them, it would have to apply the opt-out. For the National Data Opt-out that means \
        confidential patient information from health or adult social care in England, disclosed for a \
        purpose beyond individual care under s251 (COPI reg 2 or 5), other than invoice validation \
        (exempt by NDOP §7.1 whatever the approval says) and not already filtered. Three situations are \
        reported, all as warnings:
        1. the flow claims the exemption itself (`exempt OPT-OUT`) with no evidence — this applies to \
           Type 1 and programme opt-outs as well;
        2. the flow relies on its approval's `ndoo exempt` status and the approval records no evidence \
           for it (one finding on the approval, listing the flows that rely on it);
        3. the flow relies on a National Data Opt-out exemption and the model has no programme opt-out \
           covering any of the flow's purposes to stand in for it.

        A model that sets `unknown-ndoo-status exempt` has chosen, model-wide, to treat approvals of \
        unknown status as exempt; flows relying on that setting are not reported here.

        Fix: give the evidence — `exempt ndoo "CAG register, March 2025: NDOO exempted"` on the flow, \
        or `ndoo exempt "register entry"` on the approval — and declare the alternative opt-out that \
        patients can use (`opt-out NAME { kind programme purposes P recorded-at ORG }`), applying it \
        where it is recorded (FG018 checks that).
        """,
        triggeringExamples: [
            """
            opt-out rs-objection "Risk stratification objection code" {
              kind programme
              purposes risk-stratification
              recorded-at gp
            }

            flow trust -> supplier "SUS for risk stratification, exemption claimed" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              exempt ndoo
            }
            """,
            """
            approval cohort-approval "Cohort study support" {
              reference "21/CAG/0123"
              regulation 5
              decision-maker hra
              purposes research
              datasets sus
              controllers university
              ndoo exempt
              valid-until 2030-01-01
            }

            opt-out study-objection "Study-specific objection" {
              kind programme
              purposes research
              recorded-at trust
            }

            flow trust -> university "Identifiable cohort" {
              data sus
              level identifiable
              purpose research
              art6 e "University research function"
              art9 j
              sch1 part1 para4
              confidentiality s251-reg5 cohort-approval
              applies study-objection
            }
            """,
            """
            flow trust -> supplier "Exempt, but no alternative opt-out" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              exempt ndoo "CAG register, non-research approvals, March 2025: NDOO exempted"
            }
            """,
            """
            flow gp -> university "GP cohort, Type 1 exemption claimed" {
              data gp-extract
              level identifiable
              purpose research
              art6 e "University research function"
              art9 j
              sch1 part1 para4
              confidentiality s251-reg5
              applies ndoo
              exempt type1
            }
            """,
        ],
        passingExamples: [
            """
            opt-out rs-objection "Risk stratification objection code" {
              kind programme
              purposes risk-stratification
              recorded-at gp
            }

            flow trust -> supplier "SUS for risk stratification, documented exemption" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              exempt ndoo "CAG register, non-research approvals, March 2025: NDOO exempted"
            }
            """,
            """
            approval cag-7-07 "Invoice validation" {
              reference "CAG 7-07(a-c)/2013"
              regulation 5
              purposes invoice-validation
              datasets sus
              controllers icb
              ndoo exempt
              valid-until 2027-09-30
            }

            flow trust -> icb "Invoice backing data (NDOP §7.1 exempts the purpose)" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-07
            }
            """,
            """
            flow trust -> nhs-england "SUS submission (no opt-out to be exempted from)" {
              data sus
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
              exempt ndoo
            }
            """,
        ]
    ) { collector in
        let analysis = collector.analysis
        let model = collector.model
        let national = Set(model.optOuts.values.filter { $0.kind == .nationalDataOptOut }.map(\.id))
        let programmes = model.optOuts.values.filter { $0.kind == .programme }
        // Approvals whose `ndoo exempt` status flows rely on without evidence: approval id -> flow indices.
        var undocumentedApprovals: [String: [Int]] = [:]
        let purposeCategories = analysis.flowPurposeCategories
        let nationalInOrder = national.sorted()
        let cited = CitedApprovals.shared(by: collector)

        for (index, flow) in collector.flows {
            let arriving = analysis.optOuts.arrivingFilters[index]
            // Needed only for an exempted flow's alternative opt-out.
            lazy var categories = Set(purposeCategories[index])
            for optOut in nationalInOrder where !arriving.contains(optOut) && wouldNeedNationalOptOut(index, in: analysis) {
                let approval = cited.approval(ofFlow: index)
                if let claim = flow.exemptions.first(where: { $0.optOut.name == optOut }) {
                    if !hasEvidence(claim.evidence) {
                        collector.report(
                            flow: index,
                            "\(collector.label(flow)) relies on an exemption from the National Data Opt-out `\(optOut)` but records no evidence for it",
                            discriminator: "evidence:\(optOut)",
                            witness: analysis.witnessPath(forFlow: index),
                            help: "cite the approval letter, CAG register entry or NDOP §7 section: `exempt \(optOut) \"evidence\"`",
                            at: claim.span
                        )
                    }
                } else if let approval, approval.ndoo == .exempt {
                    if !hasEvidence(approval.ndooEvidence) { undocumentedApprovals[approval.id, default: []].append(index) }
                } else {
                    continue // Not exempt: FG015 decides whether the opt-out is missing.
                }
                // Standard condition 8 still applies: patients need another way to say no.
                let hasAlternative = programmes.contains { programme in
                    arriving.contains(programme.id)
                        || programme.purposes.contains { model.purposes[$0.name].map { categories.contains($0.category) } ?? false }
                }
                if !hasAlternative {
                    let purposes = flow.purposes.map { "`\($0.name)`" }.joined(separator: ", ")
                    collector.report(
                        flow: index,
                        "\(collector.label(flow)) is exempted from the National Data Opt-out `\(optOut)`, but no alternative opt-out covers \(purposes), although the s251 support still carries standard condition 8",
                        discriminator: "alternative:\(optOut)",
                        witness: analysis.witnessPath(forFlow: index),
                        help: "declare the opt-out patients can use instead, e.g. `opt-out NAME { kind programme purposes \(flow.purposes.first?.name ?? "PURPOSE") recorded-at ORG }`, and apply it where it is recorded"
                    )
                }
            }
            // Exemptions from Type 1 and programme opt-outs, where the flow would otherwise need them.
            for claim in flow.exemptions where !hasEvidence(claim.evidence) {
                guard let optOut = model.optOuts[claim.optOut.name], optOut.kind == .type1 || optOut.kind == .programme,
                      let requirement = analysis.requirements.requirement(flow: index, optOut: optOut.id), requirement.isRequired,
                      !arriving.contains(optOut.id) else { continue }
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) relies on an exemption from `\(optOut.id)` (\(requirement.reason)) but records no evidence for it",
                    discriminator: "evidence:\(optOut.id)",
                    witness: analysis.witnessPath(forFlow: index),
                    help: "cite where the exemption is documented: `exempt \(optOut.id) \"evidence\"`, or apply the opt-out (`applies \(optOut.id)`)",
                    at: claim.span
                )
            }
        }

        for (id, indices) in undocumentedApprovals.sorted(by: { $0.key < $1.key }) {
            guard let approval = model.approvals[id], let first = indices.first else { continue }
            let names = indices.map { collector.label(model.flows[$0]) }
            collector.report(
                "approval `\(id)` is marked `ndoo exempt` with no evidence, and \(names.count == 1 ? "a flow relies" : "\(names.count) flows rely") on it to skip the National Data Opt-out: \(names.joined(separator: ", "))",
                at: approval.span, target: id, discriminator: "evidence",
                related: indices.map { DiagnosticNote("\(collector.label(model.flows[$0])) relies on the exemption", at: model.flows[$0].span) },
                witness: analysis.witnessPath(forFlow: first),
                help: "record where the exemption is shown: `ndoo exempt \"CAG register entry or approval letter\"`"
            )
        }
    }

    static func hasEvidence(_ text: String?) -> Bool {
        !(text ?? "").allSatisfy(\.isWhitespace)
    }

    /// Whether the National Data Opt-out would apply to the flow but for an exemption (NDOP §5–§7):
    /// confidential patient information in the recipient's hands, from health or adult social care in
    /// England, for a purpose beyond individual care, under s251 (COPI reg 2 or 5), and not invoice
    /// validation (exempt by NDOP §7.1 whatever the approval says).
    static func wouldNeedNationalOptOut(_ index: Int, in analysis: Analysis) -> Bool {
        let flow = analysis.model.flows[index]
        guard analysis.carriesConfidentialInformation(index),
              let basis = flow.confidentiality?.basis, basis == .s251Regulation2 || basis == .s251Regulation5,
              let dataset = analysis.model.datasets[flow.dataset.name] else { return false }
        let categories = analysis.flowPurposeCategories[index]
        let inScope: Set<DataOrigin> = [.englandHealth, .englandAdultSocialCare, .gpRecord]
        return categories.contains { !$0.isDirectCare } && !categories.contains(.invoiceValidation)
            && !inScope.isDisjoint(with: dataset.origins)
    }
}
