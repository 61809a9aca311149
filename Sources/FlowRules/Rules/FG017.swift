import FlowAnalysis
import FlowLanguage
import FlowModel

/// R17: Type 1 objection not honoured at GP egress.
enum FG017 {
    static let rule = Rule(
        code: "FG017",
        slug: "type1-not-honoured",
        severity: .error,
        legalSource: "Type 1 dissent (Read 9Nu0, CTV3 XaZ89, SNOMED CT 827241000000103) as honoured by GP systems and NHS England collections; NHS Constitution right to object; RCGP guidance on Type 1 objections",
        summary: "Identifiable GP data leaves the practice for a purpose beyond individual care without the Type 1 objection applied.",
        explanation: """
        A Type 1 objection is recorded in the GP record and means that the patient's identifiable data \
        (including NHS-number level data) must not leave the GP practice for any purpose other than \
        their individual care. It covers only data that originates in the GP record: hospital data about \
        the same patient is the National Data Opt-out's concern (FG015). GP systems honour it on \
        extracts such as GPES/GPDPR collections, national clinical audits and risk-stratification \
        extracts.

        The rule checks every flow whose dataset originates in a GP record, which is confidential \
        patient information in the recipient's hands (identifiable, NHS-number level, or pseudonymised \
        data the recipient can re-identify), whose purpose is beyond individual care and whose \
        recipient is not a GP practice. The `type1` filter must be on the data as it arrives: applied \
        by this flow, or upstream with no later merge of unfiltered records (a merge keeps only the \
        filters all its inputs had). Data that a practice's processor received for direct care and then \
        passes on for another purpose needs the filter at that point. The witness path follows the \
        branch on which the filter is missing.

        Legal-requirement collections (confidentiality basis `statutory`) are reported as errors while \
        the model setting `type1-on-legal-collections` is `yes` (the default, matching GP system \
        behaviour); when it is `no` they are reported as warnings, because the position is policy, not \
        statute.

        Fix: add `applies type1` to the flow that leaves the practice (or to an upstream transform \
        `at gp filter D -> D2 { opt-out type1 }`). A Type 1 objection has no exemption route a flow \
        can claim: `exempt type1 …` does not lift it, and the finding says so.
        """,
        triggeringExamples: [
            """
            flow gp -> supplier "GP extract for risk stratification" {
              data gp-extract
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
            flow gp -> supplier "GP data to the practice's processor for care" {
              data gp-extract
              level identifiable
              purpose care
              role processor
              art6 e "NHS Act 2006"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }

            flow supplier -> icb "Onward for commissioning" {
              data gp-extract
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
              applies ndoo
            }
            """,
        ],
        passingExamples: [
            """
            flow gp -> supplier "GP extract for risk stratification" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo, type1
            }
            """,
            """
            at gp filter gp-extract -> gp-extract-t1 {
              opt-out type1
            }

            flow gp -> nhs-england "GPES collection" {
              data gp-extract-t1
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
            }
            """,
            """
            flow gp -> trust "Referral for treatment" {
              data gp-extract
              level identifiable
              purpose care
              art6 e "NHS Act 2006"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
        ]
    ) { collector in
        let analysis = collector.analysis
        let model = collector.model
        let type1OptOuts = model.optOuts.values.filter { $0.kind == .type1 }.map(\.id).sorted()
        for (index, flow) in collector.flows {
            for optOut in type1OptOuts {
                guard let requirement = analysis.requirements.requirement(flow: index, optOut: optOut), requirement.isRequired,
                      !analysis.optOuts.arrivingFilters[index].contains(optOut) else { continue }
                let witness = analysis.witnessPath(forFlow: index, lackingOptOut: optOut)
                let level = analysis.identifiability.recipientLevels[index]
                let policyNote = requirement.isPolicyDependent
                    ? " (reported as a warning: the model sets `type1-on-legal-collections no`)" : ""
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) takes GP-record data `\(flow.dataset.name)` (\(level.rawValue) to `\(flow.to.name)`) out of the practice without the Type 1 objection `\(optOut)`: \(requirement.reason)\(policyNote)",
                    discriminator: optOut,
                    severity: requirement.isPolicyDependent ? .warning : .error,
                    related: OptOutLossNotes.notes(on: witness, optOut: optOut, analysis: analysis),
                    witness: witness,
                    help: "add `applies \(optOut)` to this flow (or filter where the data leaves the practice: `at ORG filter \(flow.dataset.name) -> \(flow.dataset.name)-t1 { opt-out \(optOut) }`)"
                        + (requirement.unrecognisedClaims.isEmpty ? "" : "; a claimed exemption does not lift a Type 1 objection")
                )
            }
        }
    }
}
