import FlowAnalysis
import FlowLanguage
import FlowModel

/// R18: programme (local) opt-out not honoured.
enum FG018 {
    static let rule = Rule(
        code: "FG018",
        slug: "programme-opt-out-not-honoured",
        severity: .error,
        legalSource: "CAG standard condition 8 (dissent respected) through an alternative opt-out; UK GDPR Art 5(1)(a) (fairness and transparency: the promise made to patients in the privacy notice)",
        summary: "A flow leaves the place where patients record a local opt-out (a programme objection, a consent withdrawal, an Art 21 objection) without applying it.",
        explanation: """
        Some programmes have their own opt-out, recorded where the data starts: the risk-stratification \
        objection code a patient can ask their GP to add is the usual example. It is separate from the \
        National Data Opt-out and from Type 1 (NHS England's guidance says an objection to one should \
        not automatically exclude a patient from the other), and where CAG has exempted an approval from \
        the National Data Opt-out it is often the alternative opt-out that keeps standard condition 8. \
        Privacy notices promise patients that the code will stop their information being used, so a \
        programme flow that ignores it is unfair as well as a breach of the approval's conditions.

        The rule looks at every opt-out of kind `programme` (`opt-out NAME { kind programme purposes \
        P, … recorded-at ORG, … }`). A flow needs it when the flow is tagged with one of the \
        programme's purposes, its data comes from (or passed through) an organisation where the \
        objection is recorded, and the data is still personal data in the recipient's hands. The filter \
        must be on the data as it arrives: applied by this flow or upstream, with no later merge of \
        unfiltered records. Linking the programme's filtered extract with unfiltered data from \
        elsewhere brings objectors back, so outputs of such a link need the filter again. The witness \
        path follows the branch on which the filter is missing.

        The same holds for the other opt-outs recorded locally. A `consent-withdrawal` opt-out \
        applies to every flow that relies on consent (`confidentiality explicit-consent` or `art6 a`) \
        for the purposes it lists (all, when it lists none), from where withdrawals are recorded (any \
        source, when none is named). A `right-to-object` opt-out records objections under UK GDPR \
        Art 21(1): it applies to flows resting on Art 6(1)(e) or (f) for the purposes it lists (all, \
        when it lists none) whose data comes from where the objections are recorded.

        Fix: add `applies OPT-OUT` to the flow (for a GP extract, at the practice), or filter after a \
        link (`at ORG filter D -> D2 { opt-out OPT-OUT }`). A claimed exemption (`exempt OPT-OUT`) does \
        not lift a local opt-out.
        """,
        triggeringExamples: [
            """
            opt-out rs-objection "Risk stratification objection code" {
              kind programme
              purposes risk-stratification
              recorded-at gp
              code "9Ng7"
            }

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
            opt-out rs-objection "Risk stratification objection code" {
              kind programme
              purposes risk-stratification
              recorded-at gp
            }

            flow gp -> supplier "Filtered GP extract" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo, type1, rs-objection
            }

            flow trust -> supplier "SUS for risk stratification" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo
            }

            at supplier link gp-extract, sus -> rs-linked

            flow supplier -> gp "Risk scores for case finding" {
              data rs-linked
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
            opt-out withdrawn "Withdrawal of consent to involvement" {
              kind consent-withdrawal
              purposes publication
              recorded-at icb
            }

            flow icb -> council "Panel members' stories for a joint publication" {
              data sus
              level identifiable
              purpose publication
              art6 a
              art9 a
              confidentiality explicit-consent
            }
            """,
            """
            opt-out objections "Objections to commissioning use (Art 21)" {
              kind right-to-object
              purposes commissioning
              recorded-at trust
            }

            flow trust -> icb "Activity for commissioning" {
              data sus
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality not-confidential
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

            flow gp -> supplier "GP extract for risk stratification" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo, type1, rs-objection
            }
            """,
            """
            opt-out rs-objection "Risk stratification objection code" {
              kind programme
              purposes risk-stratification
              recorded-at gp
            }

            flow trust -> supplier "SUS for risk stratification (not recorded at the trust)" {
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
        ]
    ) { collector in
        let analysis = collector.analysis
        let model = collector.model
        let local: Set<OptOutKind> = [.programme, .consentWithdrawal, .rightToObject]
        let programmes = model.optOuts.values.filter { local.contains($0.kind) }.sorted { $0.id < $1.id }
        let owners = DescribingNotices.shared(by: collector)
        for (index, flow) in collector.flows {
            for optOut in programmes {
                let id = optOut.id
                guard let requirement = analysis.requirements.requirement(flow: index, optOut: id), requirement.isRequired,
                      !analysis.optOuts.arrivingFilters[index].contains(id) else { continue }
                let witness = analysis.witnessPath(forFlow: index, lackingOptOut: id)
                let recorded = optOut.recordedAt.map { "`\($0.name)`" }.joined(separator: ", ")
                let programme = optOut.purposes.map { "`\($0.name)`" }.joined(separator: ", ")
                let message = switch optOut.kind {
                case .consentWithdrawal:
                    "\(collector.label(flow)) relies on consent and carries `\(flow.dataset.name)`, but the consent withdrawals recorded as `\(id)` (\(recorded.isEmpty ? "wherever they are made" : "at " + recorded)) have not been applied to it: \(requirement.reason)"
                case .rightToObject:
                    "\(collector.label(flow)) carries `\(flow.dataset.name)` from where objections `\(id)` are recorded (\(recorded)), but they have not been applied to it: \(requirement.reason)"
                default:
                    "\(collector.label(flow)) is part of the \(programme) programme and carries `\(flow.dataset.name)`, whose data comes from where patients record the opt-out `\(id)` (\(recorded.isEmpty ? "no organisation named" : recorded)), but the opt-out has not been applied to it"
                }
                collector.report(
                    flow: index,
                    message,
                    discriminator: id,
                    related: [DiagnosticNote("the opt-out `\(id)` is declared here", at: optOut.span)]
                        + OptOutLossNotes.notes(on: witness, optOut: id, analysis: analysis),
                    witness: witness,
                    help: "add `applies \(id)` to this flow, or filter upstream (`at ORG filter \(flow.dataset.name) -> \(flow.dataset.name)-filtered { opt-out \(id) }`)"
                        + (requirement.unrecognisedClaims.isEmpty ? "" : "; a claimed exemption does not lift a local opt-out"),
                    sameReason: owners.reason(
                        forFlow: flow.id, key: "\(id)|\(requirement.reason)",
                        summary: "the opt-out `\(id)` (recorded at \(recorded.isEmpty ? "no organisation named" : recorded)) is required and has not been applied: \(requirement.reason)"
                    )
                )
            }
        }
    }
}
