import FlowAnalysis
import FlowLanguage
import FlowModel

/// R37: National Data Opt-out applied where it is not required.
enum FG037 {
    static let rule = Rule(
        code: "FG037",
        slug: "ndoo-over-applied",
        severity: .info,
        legalSource: "NDOP operational policy guidance §6 and §7 (where the opt-out does not apply, and specific exemptions); domain reference §4.4 step 6",
        summary: "The National Data Opt-out is applied to a flow that does not require it, removing records without a legal reason.",
        explanation: """
        The National Data Opt-out applies only to confidential patient information from health or \
        adult social care in England, disclosed for purposes beyond individual care under s251 \
        support (COPI reg 2 or 5) that carries CAG standard condition 8. It does not apply to \
        individual care, to anonymised or aggregate data, to flows under explicit consent, a legal \
        requirement (such as s259 collections), a court order, overriding public interest or COPI \
        reg 3, to data from outside England or children's social care, to approvals CAG exempted, or \
        to purposes NDOP §7 exempts (non-contracted invoice validation).

        Applying it anyway is not unlawful, but it silently removes patients from the data: cohorts \
        become biased, statutory returns incomplete, and invoices unverifiable (the history of \
        invoice validation). The rule reports, as information, every flow that applies a \
        national-data-opt-out filter (`applies ndoo`) where the requirement is known to be false, and \
        every `filter` transform applying it whose output is only sent on by such flows. Flows whose \
        requirement cannot be decided — no confidentiality basis, a doubtful basis such as \
        `not-confidential` for identifiable data, or an approval whose opt-out status is unknown — are \
        left alone.

        Fix: remove the filter (`applies ndoo`) from the flow, or move it to the disclosure that does \
        need it. If the opt-out is applied on purpose (a local policy decision), record that with a \
        waiver that gives the reason.
        """,
        triggeringExamples: [
            """
            flow trust -> icb "Invoice backing data with opted-out patients removed" {
              data sus
              level identifiable
              purpose invoice-validation
              needs postcode, date-of-birth
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
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
              applies ndoo
            }
            """,
            """
            at trust filter sus -> sus-filtered {
              opt-out ndoo
            }

            flow trust -> nhs-england "SUS submission from a filtered copy" {
              data sus-filtered
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
            }
            """,
            """
            at icb aggregate sus -> activity-counts {
              suppress-below 8
              round-to 5
            }

            flow icb -> council "Published counts" {
              data activity-counts
              level aggregate
              purpose publication
              applies ndoo
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
            flow trust -> university "Cohort with no confidentiality basis yet" {
              data sus
              level identifiable
              purpose research
              art6 e "research"
              art9 j
              sch1 part1 para4
              applies ndoo
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let analysis = collector.analysis
        let national = Set(model.optOuts.values.filter { $0.kind == .nationalDataOptOut }.map(\.id))
        guard !national.isEmpty else { return }
        for (index, flow) in collector.flows {
            for optOut in flow.appliedOptOuts.map(\.name) where national.contains(optOut) {
                guard let requirement = analysis.requirements.requirement(flow: index, optOut: optOut),
                      !requirement.isRequired, isKnownNotRequired(index, optOut: optOut, analysis: analysis) else { continue }
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) applies the National Data Opt-out (`\(optOut)`) although it is not required: \(requirement.reason)",
                    discriminator: optOut,
                    help: "remove `\(optOut)` from this flow's `applies` (filtering removes patients the purpose needs), or waive this finding with the reason for the local policy"
                )
            }
        }
        for transform in model.transforms(doing: .filter) {
            // By holding id: the name-keyed views of the graph are built for the whole estate on first use.
            guard let holding = analysis.graph.holdingID(Holding(transform.holder.name, transform.output)) else { continue }
            let readers = analysis.graph.readers(ofHolding: holding)
            guard !readers.isEmpty, analysis.graph.transformReaders(ofHolding: holding).isEmpty else { continue }
            for optOut in transform.optOuts.map(\.name) where national.contains(optOut) {
                let needless = readers.allSatisfy { index in
                    analysis.requirements.requirement(flow: index, optOut: optOut).map { !$0.isRequired } ?? false
                        && isKnownNotRequired(index, optOut: optOut, analysis: analysis)
                }
                guard needless else { continue }
                let labels = readers.map { collector.label(model.flows[$0]) }.joined(separator: ", ")
                collector.report(
                    "`\(transform.output)` at `\(transform.holder.name)` applies the National Data Opt-out (`\(optOut)`), but no flow that sends it on needs it (\(labels))",
                    at: transform.span, target: transform.output, discriminator: optOut,
                    help: "send the unfiltered data, or keep the filter only for a disclosure that needs it"
                )
            }
        }
    }

    /// The opt-out is certainly not required: decided by the one definition of its scope, where
    /// nothing the model leaves open (a basis that does not count, an unknown approval status)
    /// went into the decision.
    static func isKnownNotRequired(_ index: Int, optOut: String, analysis: Analysis) -> Bool {
        guard let requirement = analysis.requirements.requirement(flow: index, optOut: optOut) else { return false }
        return !requirement.isRequired && requirement.isSettled
    }
}
