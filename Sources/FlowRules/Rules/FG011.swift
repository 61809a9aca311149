import FlowLanguage
import FlowModel

/// R11: s251 support cited with no approval, or an approval whose reference is missing or malformed.
enum FG011 {
    static let rule = Rule(
        code: "FG011",
        slug: "s251-reference-missing",
        severity: .error,
        legalSource: "NHS Act 2006 s251; Health Service (Control of Patient Information) Regulations 2002 regs 2, 5 and 6; CAG registers of approved applications",
        summary: "A flow claims s251 support without naming the approval, or the approval's CAG reference is missing, malformed or inconsistent.",
        explanation: """
        Support under s251 and COPI regulations 2 and 5 is specific: each approval is a decision of the \
        Secretary of State (non-research) or the HRA (research) on CAG advice, with its own reference, \
        scope, conditions and dates, recorded in the CAG registers (COPI reg 6). A flow that just says \
        "Section 251 support" cannot be checked against any of that — the BLMK invoice-validation \
        paragraph cites "Regulation 5 … (Section 251 Support)" with no CAG number. (COPI reg 3, the \
        communicable disease and public health gateway, needs no approval and is not checked here.)

        Reported:
        1. error — a flow records `confidentiality s251-reg2` or `s251-reg5` and names no approval;
        2. warning — it names a statutory gateway instead of an approval;
        3. warning — it names an approval declared under a different COPI regulation;
        4. warning — an approval records no `reference`;
        5. warning — an approval's `reference` does not parse as a CAG reference: `CAG 7-04(a)/2013`, \
        `CAG 7-07(a-c)/2013` (the 2013 NHS England commissioning family; `CAG7-04(a)/2013` with no \
        space is accepted), `21/CAG/0123` (year-prefixed), `ECC 1-05(a)/2011` or `PIAG …` (older). \
        Whitespace is normalised before matching; the raw text is kept.

        Fix: declare the approval once, with the reference exactly as it appears on the CAG register \
        (`approval iv { reference "CAG 7-07(a-c)/2013" regulation 5 … }`), and cite it on the flow: \
        `confidentiality s251-reg5 iv`. If the reference cannot be found, the flow's s251 claim itself \
        needs to be confirmed with the applicant (NHS England for the commissioning approvals).
        """,
        triggeringExamples: [
            """
            flow trust -> icb "Invoice validation on unnamed s251 support" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            approval iv-support "Invoice validation" {
              reference "Regulation 5 (Section 251 Support)"
              regulation 5
              purposes invoice-validation
              valid-until 2027-09-30
            }

            flow trust -> icb "Invoice validation" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 iv-support
            }
            """,
            """
            flow trust -> supplier "Risk stratification extract under the wrong regulation" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg2 cag-7-04a
              applies ndoo
            }
            """,
        ],
        passingExamples: [
            """
            approval iv-support "Invoice validation" {
              reference "CAG 7-07(a-c)/2013"
              regulation 5
              purposes invoice-validation
              valid-until 2027-09-30
            }

            flow trust -> icb "Invoice validation" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 iv-support
            }
            """,
            """
            approval registry-support "Learning disabilities register" {
              reference "21/CAG/0123"
              regulation 5
            }

            approval rs-old-style "Risk stratification (as written in a notice)" {
              reference "CAG7-04(a)/2013"
              regulation 5
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let cited = CitedApprovals.shared(by: collector)
        let owners = DescribingNotices.shared(by: collector)
        let bases = FlowColumns.shared(by: collector).confidentialityBases
        for index in model.flows.indices where bases[index]?.copiRegulation != nil {
            let flow = model.flows[index]
            guard let claim = flow.confidentiality, let regulation = claim.basis.copiRegulation else { continue }
            guard let instrument = claim.instrument else {
                guard regulation != 3 else { continue }
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) claims s251 support (COPI reg \(regulation)) but names no approval",
                    discriminator: "missing",
                    help: "declare the approval with its CAG reference (`approval NAME { reference \"CAG …\" regulation \(regulation) … }`) and cite it: `confidentiality \(claim.basis.rawValue) NAME`",
                    at: claim.span,
                    sameReason: owners.reason(forFlow: flow.id, key: "missing|\(regulation)", summary: "s251 support (COPI reg \(regulation)) is claimed with no approval named")
                )
                continue
            }
            if let approval = cited.approval(ofFlow: index) {
                if let declared = approval.regulation, declared != regulation {
                    collector.report(
                        flow: index,
                        "\(collector.label(flow)) claims s251 support under COPI reg \(regulation), but approval `\(approval.id)` is declared under reg \(declared)",
                        discriminator: "regulation", severity: .warning,
                        related: [DiagnosticNote("approval `\(approval.id)` is declared here", at: approval.span)],
                        help: "correct the basis to `s251-reg\(declared)` or the approval's `regulation`",
                        at: claim.span
                    )
                }
            } else if regulation != 3 {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) claims s251 support (COPI reg \(regulation)) but cites `\(instrument.name)`, which is not an approval",
                    discriminator: "not-an-approval", severity: .warning,
                    help: "cite the CAG approval the flow relies on: `confidentiality \(claim.basis.rawValue) APPROVAL`",
                    at: instrument.span
                )
            }
        }
        lazy var referenceFamilies = ReferenceFamilies()
        for approval in model.approvals.values.sorted(by: { $0.id < $1.id }) where !StandardLibrary.isLibraryPath(approval.span.path) {
            guard let reference = approval.reference, !reference.trimmingCharacters(in: .whitespaces).isEmpty else {
                collector.report(
                    "approval `\(approval.id)` records no CAG reference, so it cannot be found on the CAG register",
                    at: approval.span, target: approval.id, discriminator: "no-reference", severity: .warning,
                    help: "add `reference \"CAG …\"` exactly as the CAG register gives it"
                )
                continue
            }
            guard !referenceFamilies.matches(reference) else { continue }
            collector.report(
                "approval `\(approval.id)` has reference \"\(reference)\", which is not a recognised CAG reference",
                at: approval.referenceSpan ?? approval.span, target: approval.id, discriminator: "unparsed", severity: .warning,
                related: notes(),
                help: "write the reference as on the CAG register, e.g. `CAG 7-04(a)/2013` or `21/CAG/0123`"
            )
        }
    }

    static func notes() -> [DiagnosticNote] {
        [DiagnosticNote("recognised forms: CAG n-nn(x)/yyyy, CAG n-nn(x-y)/yyyy, yy/CAG/nnnn, ECC n-nn(x)/yyyy, PIAG …")]
    }

    /// Whether a reference matches one of the CAG reference families (domain.md §2.4), after
    /// normalising whitespace.
    static func isWellFormed(_ reference: String) -> Bool {
        ReferenceFamilies().matches(reference)
    }

    /// The reference families as one compiled pattern: compiling it costs far more than matching
    /// a reference, so a run compiles it once for all its approvals.
    struct ReferenceFamilies {
        private let regex: Regex<AnyRegexOutput>?

        init() {
            let pattern = #"(CAG ?\d+-\d+\([a-z0-9]+(-[a-z0-9]+)?\)/\d{4}|\d{2}/CAG/\d{4}|ECC ?\d+-\d+\([a-z0-9]+(-[a-z0-9]+)?\)/\d{4}|PIAG ?\S.*)"#
            regex = try? Regex(pattern).ignoresCase()
        }

        func matches(_ reference: String) -> Bool {
            guard let regex else { return false }
            let normalised = reference.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return normalised.wholeMatch(of: regex) != nil
        }
    }
}
