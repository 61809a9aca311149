import FlowAnalysis
import FlowLanguage
import FlowModel

/// R15: National Data Opt-out not applied where required.
enum FG015 {
    static let rule = Rule(
        code: "FG015",
        slug: "ndoo-not-applied",
        severity: .error,
        legalSource: "NDOP operational policy guidance §5; CAG standard condition 8; information standard DCB3058",
        summary: "Data reaches a recipient without the National Data Opt-out although the flow requires it.",
        explanation: """
        The National Data Opt-out must be applied when confidential patient information from health or \
        adult social care in England is disclosed for a purpose beyond individual care under s251 support \
        (COPI reg 2 or 5), unless the approval is exempted from it or an NDOP §7 exemption covers the \
        purpose (invoice validation, for one). It does not apply under explicit consent, a legal \
        requirement, a court order, overriding public interest, COPI reg 3, or to anonymised data.

        The filter travels with the data: it is satisfied when it was applied at this disclosure or \
        anywhere upstream, provided no later merge mixed in unfiltered records (a merge keeps only the \
        filters all its inputs had). Data obtained under an exempt basis arrives unfiltered, so a later \
        disclosure for an opt-out purpose must filter it.

        The witness path follows the data from its origin, preferring the branch that lacks the filter.

        Fix: add the opt-out to the disclosing flow (`applies ndoo`), or to a transform upstream \
        (`at ORG filter D -> D2 { opt-out ndoo }`), or record the exemption on the approval \
        (`ndoo exempt "evidence"`), citing it from the flow if you wish (`exempt ndoo APPROVAL`). An \
        exemption claimed on the flow in free text alone (`exempt ndoo "…"`) does not lift the \
        requirement: the finding says why the claim does not count.
        """,
        triggeringExamples: [
            """
            flow trust -> supplier "SUS extract for risk stratification" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
            }
            """,
            """
            at trust filter sus -> sus-filtered {
              opt-out ndoo
            }

            at trust link sus-filtered, sus -> sus-merged

            flow trust -> university "Merged cohort" {
              data sus-merged
              level identifiable
              purpose research
              art6 e "research"
              art9 j
              sch1 part1 para4
              confidentiality s251-reg5
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> supplier "SUS extract for risk stratification" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo
            }
            """,
            """
            flow trust -> nhs-england "SUS submission" {
              data sus
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
            }
            """,
        ]
    ) { collector in
        let nationalOptOuts = collector.model.optOuts.values.filter { $0.kind == .nationalDataOptOut }.map(\.id).sorted()
        let owners = DescribingNotices.shared(by: collector)
        let levelClaims = LevelClaims.shared(by: collector)
        for (index, flow) in collector.flows {
            for optOut in nationalOptOuts {
                guard let requirement = collector.analysis.requirements.requirement(flow: index, optOut: optOut),
                      requirement.isRequired, !collector.analysis.optOuts.arrivingFilters[index].contains(optOut) else { continue }
                let analysis = collector.analysis
                let witness = analysis.witnessPath(forFlow: index, lackingOptOut: optOut)
                let claims = requirement.unrecognisedClaims
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) must apply the National Data Opt-out (`\(optOut)`): \(requirement.reason)"
                        + (claims.isEmpty ? "" : "; its exemption does not count: " + claims.joined(separator: "; ")),
                    discriminator: optOut,
                    related: OptOutLossNotes.notes(on: witness, optOut: optOut, analysis: analysis),
                    witness: witness,
                    help: "add `applies \(optOut)` to this flow or filter upstream; an exemption counts only when it rests on the cited approval's `ndoo exempt` entry (`exempt \(optOut) APPROVAL`) or on an NDOP §7 entry that covers the flow (`exempt \(optOut) invoice-validation`, for invoice validation alone)",
                    sameReason: owners.reason(
                        forFlow: flow.id, key: "\(optOut)|\(requirement.reason)|\(claims.joined(separator: "; "))",
                        summary: "the National Data Opt-out (`\(optOut)`) must be applied and is not: \(requirement.reason)"
                            + (claims.isEmpty ? "" : "; the exemption claimed does not count: " + claims.joined(separator: "; "))
                    ),
                    // The opt-out's scope is confidential patient information.
                    causedBy: levelClaims.cause(ofFlow: index, firesAt: \.isConfidentialByItself)
                )
            }
        }
    }
}
