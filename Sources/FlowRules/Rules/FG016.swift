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
        An exemption from the National Data Opt-out is a claim the disclosing controller has to be able \
        to prove (NDOP §5.1). flowgate counts an exemption only when it rests on something the model \
        shows: the approval the flow's s251 basis cites records the opt-out as exempted (`ndoo exempt` \
        on the approval, which the flow may name: `exempt ndoo APPROVAL`), or an entry of the NDOP §7 \
        list that covers the flow (`exempt ndoo invoice-validation`, for a flow whose only purpose is \
        invoice validation). An exemption claimed in free text alone (`exempt ndoo "…"`) leaves the \
        requirement standing, and FG015 reports the missing opt-out with the claim and what would \
        discharge it; Type 1 and local opt-outs have no exemption route at all (FG017, FG018).

        This rule looks at the exemptions that do count, because a flow relies on them to skip the \
        opt-out, and reports two gaps, both as warnings:
        1. the approval is marked `ndoo exempt` with no evidence (the register entry or letter that \
           shows it) — one finding on the approval, listing the flows that rely on it;
        2. an exempted s251 approval still carries standard condition 8 (the wishes of patients who \
           have withheld consent are respected), so an alternative opt-out must exist — typically a \
           local code recorded at the GP practice, such as the risk-stratification objection — and the \
           model declares none covering the flow's purposes.

        A model that sets `unknown-ndoo-status exempt` has chosen, model-wide, to treat approvals of \
        unknown status as exempt; flows relying on that setting are not reported here.

        Fix: record where the exemption is shown — `ndoo exempt "CAG register, March 2025: NDOO \
        exempted"` on the approval — and declare the alternative opt-out that patients can use \
        (`opt-out NAME { kind programme purposes P recorded-at ORG }`), applying it where it is \
        recorded (FG018 checks that).
        """,
        triggeringExamples: [
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
            approval rs-exempt "Risk stratification (register entry: NDOO exempted)" {
              reference "CAG 7-04(a)/2013"
              regulation 5
              purposes risk-stratification
              datasets sus
              ndoo exempt "CAG register, non-research approvals, March 2025: NDOO exempted"
              valid-until 2030-01-01
            }

            flow trust -> supplier "Exempt, but no alternative opt-out" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 rs-exempt
              exempt ndoo rs-exempt
            }
            """,
        ],
        passingExamples: [
            """
            approval rs-exempt "Risk stratification (register entry: NDOO exempted)" {
              reference "CAG 7-04(a)/2013"
              regulation 5
              purposes risk-stratification
              datasets sus
              ndoo exempt "CAG register, non-research approvals, March 2025: NDOO exempted"
              valid-until 2030-01-01
            }

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
              confidentiality s251-reg5 rs-exempt
              exempt ndoo rs-exempt
            }
            """,
            """
            flow trust -> icb "Invoice backing data (NDOP §7.1 exempts the purpose)" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-07
              exempt ndoo invoice-validation
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
        let national = model.optOuts.values.filter { $0.kind == .nationalDataOptOut }.map(\.id).sorted()
        let programmes = model.optOuts.values.filter { $0.kind == .programme }
        // Approvals whose `ndoo exempt` status flows rely on without evidence: approval id -> flow indices.
        var undocumentedApprovals: [String: [Int]] = [:]
        let purposeCategories = analysis.flowPurposeCategories
        for (index, flow) in collector.flows {
            let arriving = analysis.optOuts.arrivingFilters[index]
            for optOut in national where !arriving.contains(optOut) {
                // Only an approval's exemption carries standard condition 8; an NDOP §7 entry or the
                // model's setting is not this rule's question.
                guard case .approval(let id) = analysis.requirements.requirement(flow: index, optOut: optOut)?.exemption,
                      let approval = model.approvals[id] else { continue }
                if !hasEvidence(approval.ndooEvidence) { undocumentedApprovals[id, default: []].append(index) }
                let categories = Set(purposeCategories[index])
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
}
