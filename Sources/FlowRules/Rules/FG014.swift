import FlowLanguage
import FlowModel

/// R14: a processor receiving data under an approval without the assurance its specific conditions require.
enum FG014 {
    static let rule = Rule(
        code: "FG014",
        slug: "processor-not-assured",
        severity: .warning,
        legalSource: "Specific conditions of s251 support, e.g. CAG 7-07(a-c)/2013 (CEfF compliance, supplier changes notified to NHS England) and CAG 7-04(a)/2013 (Risk Stratification Assurance Statement)",
        summary: "A processor receives data under an s251 approval without the evidence the approval's specific conditions require of it.",
        explanation: """
        Besides CAG's standard conditions, each approval carries specific conditions, and several of \
        them bear on the processors that handle the data. Under CAG 7-07(a-c)/2013 invoice validation \
        may only happen inside a Controlled Environment for Finance: an ICB changing its invoice \
        validation supplier must tell NHS England, which publishes the list of compliant CEfFs. Under \
        CAG 7-04(a)/2013 the ICB and its risk stratification supplier must complete NHS England's Risk \
        Stratification Assurance Statement, and NHS England keeps a register of approved suppliers.

        An approval lists the evidence its conditions require of each receiving processor with \
        `requires-evidence NAME, …` (e.g. `cef-listed`, `supplier-change-notified`, \
        `rs-assurance-statement`); an organisation lists what it holds with `evidence NAME, …`. For \
        every flow of personal data citing the approval (`confidentiality s251-regN APPROVAL`) whose \
        recipient receives it as a processor — `role processor`, or no role and `processor-for` \
        someone — and works under the approval — named among its `processors`, or `processor-for` one \
        of its `controllers`, or, for an approval that names no organisations (the standard library's, \
        which cover every ICB and GP practice), acting for anyone but the approval's `applicant` — each \
        required item missing from the recipient's `evidence` is reported. A processor acting only for \
        the applicant or for someone outside the approval (NHS England's own DSCRO relaying the data) is \
        not the one the conditions address. Each (processor, approval) pair is reported once, at the \
        processor, with the flows concerned.

        Fix: obtain the assurance (complete the assurance statement, get onto the CEfF list, notify \
        NHS England of the supplier change) and record it on the processor with `evidence`; until \
        then, do not send it data under the approval.
        """,
        triggeringExamples: [
            """
            org new-iv-supplier "New invoice validation supplier" {
              kind supplier
              processor-for icb
              confidentiality-duty yes
            }

            approval iv-support "Invoice validation" {
              reference "CAG 7-07(a-c)/2013"
              regulation 5
              purposes invoice-validation
              processors new-iv-supplier
              requires-evidence cef-listed, supplier-change-notified
              valid-until 2027-09-30
            }

            flow icb -> new-iv-supplier "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 iv-support
            }
            """,
        ],
        passingExamples: [
            """
            org new-iv-supplier "New invoice validation supplier" {
              kind supplier
              processor-for icb
              confidentiality-duty yes
              evidence cef-listed, supplier-change-notified
            }

            approval iv-support "Invoice validation" {
              reference "CAG 7-07(a-c)/2013"
              regulation 5
              purposes invoice-validation
              processors new-iv-supplier
              requires-evidence cef-listed, supplier-change-notified
              valid-until 2027-09-30
            }

            flow icb -> new-iv-supplier "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 iv-support
            }
            """,
            """
            approval iv-support "Invoice validation" {
              reference "CAG 7-07(a-c)/2013"
              regulation 5
              purposes invoice-validation
              requires-evidence cef-listed
              valid-until 2027-09-30
            }

            flow trust -> icb "Invoice backing data to the ICB's own CEfF" {
              data sus
              level identifiable
              purpose invoice-validation
              role controller
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 iv-support
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        // The cited approval and the recipient by id: looking them up by name hashed both names for every flow.
        let cited = CitedApprovals.shared(by: collector)
        let declarations = DeclarationsByID.shared(by: collector)
        let requiresEvidence = cited.approvals.map { !$0.requiredEvidence.isEmpty }
        // (processor, approval) -> flows, in model order.
        var uses: [Use: [Int]] = [:]
        var pairs: [(processor: String, approval: String, use: Use)] = []
        // Within one legal person (a DSCRO and NHS England) there is no processor to assure.
        let isInternal = InternalFlows.shared(by: collector).isInternal
        for (index, flow) in collector.flows where !isInternal[index] {
            guard let position = cited.position(ofFlow: index), requiresEvidence[position],
                  let recipient = declarations.organisations[declarations.recipients[index]],
                  FG005.isProcessor(flow, recipient: recipient), actsUnder(cited.approvals[position], recipient),
                  carriesPersonalData[index] else { continue }
            let use = Use(processor: declarations.recipients[index], approval: position)
            if uses[use] == nil { pairs.append((recipient.id, cited.ids[position], use)) }
            uses[use, default: []].append(index)
        }
        for pair in pairs.sorted(by: { ($0.processor, $0.approval) < ($1.processor, $1.approval) }) {
            guard let processor = model.organisations[pair.processor], let approval = model.approvals[pair.approval],
                  let flows = uses[pair.use] else { continue }
            let held = Set(processor.evidence)
            let missing = approval.requiredEvidence.filter { !held.contains($0) }
            guard !missing.isEmpty else { continue }
            let name = approval.reference.map { "approval `\(approval.id)` (\($0))" } ?? "approval `\(approval.id)`"
            let labels = flows.map { collector.label(model.flows[$0]) }
            let shown = labels.prefix(3).joined(separator: ", ") + (labels.count > 3 ? " and \(labels.count - 3) more" : "")
            let span = StandardLibrary.isLibraryPath(processor.span.path) ? model.flows[flows[0]].span : processor.span
            collector.report(
                "processor `\(processor.id)` receives data under \(name) (\(shown)) without the evidence its conditions require: \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                at: span, target: processor.id, discriminator: approval.id,
                related: [DiagnosticNote("\(name) requires `\(approval.requiredEvidence.joined(separator: ", "))`", at: approval.span)]
                    + flows.prefix(5).map { DiagnosticNote("flow under `\(approval.id)`: \(collector.label(model.flows[$0]))", at: model.flows[$0].span) },
                help: "obtain the assurance and record it on `\(processor.id)`: `evidence \((processor.evidence + missing).joined(separator: ", "))`"
            )
        }
    }

    /// A processor (organisation id) receiving data under an approval (position in `CitedApprovals.approvals`).
    struct Use: Hashable {
        let processor: Int
        let approval: Int
    }

    /// Whether a processor works under the approval's scope: named among its processors; or, when the
    /// approval names controllers, acting for one of them; or, when it names none (approvals covering
    /// every ICB or GP practice), acting for anyone but the applicant. A processor acting only for the
    /// applicant or for someone outside the approval — NHS England's own DSCRO relaying the data — is not
    /// the one the specific conditions address.
    static func actsUnder(_ approval: Approval, _ processor: Organisation) -> Bool {
        if approval.processors.contains(where: { $0.name == processor.id }) { return true }
        // The lists are a few names each: scanned in place rather than hashed into sets per flow.
        let actsFor = processor.processorFor
        if !approval.controllers.isEmpty {
            return actsFor.contains { served in approval.controllers.contains { $0.name == served.name } }
        }
        if !approval.processors.isEmpty { return false }
        guard let applicant = approval.applicant?.name else { return true }
        // Acting for no one, or for someone other than the applicant.
        return actsFor.isEmpty || actsFor.contains { $0.name != applicant }
    }
}
