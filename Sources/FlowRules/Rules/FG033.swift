import FlowAnalysis
import FlowLanguage
import FlowModel

/// R33: transparency gap — a flow missing from its controller's privacy notice.
enum FG033 {
    static let rule = Rule(
        code: "FG033",
        slug: "transparency-gap",
        severity: .warning,
        legalSource: "UK GDPR Arts 12–14 (and Art 5(1)(a) transparency); Caldicott Principle 8; CAG 7-04(a)/2013 specific condition (privacy notices updated)",
        summary: "A controller's privacy notice does not describe a flow in which it discloses or receives personal data.",
        explanation: """
        People must be told who uses their data, for what, on what basis, who receives it and how to \
        object (Arts 13 and 14). A controller that discloses personal data must name the recipients \
        (including processors acting for it), and a controller that obtains data from someone else \
        must say so. Caldicott Principle 8 asks the same of everyone handling confidential information.

        A privacy notice is modelled with `notice NAME { controller ORG; flows …; purposes … }`. A flow \
        is described by a notice that lists it, or lists one of its purposes. For every flow carrying \
        personal data (in the recipient's hands), each controller accountable for it — the sender (or \
        the controllers its processor acts for) and the recipient (or the controllers a receiving \
        processor acts for) — must describe it, when that controller has a notice in the model. \
        Controllers without any modelled notice are not checked, so a model can adopt notices one \
        organisation at a time.

        Approvals whose `conditions` require privacy notices to be updated (text mentioning "privacy \
        notice", "fair processing" or "transparency", as in CAG 7-04(a)/2013) are stricter: each \
        controller of a flow made under the approval (the approval's `controllers`, or the flow's \
        accountable controllers) must have a notice describing the flow. A controller with no notice \
        at all is reported once per approval, on its own declaration. The standard library's \
        national bodies (NHS England and others) are not checked: their notices are their own.

        A step the model declares from how the process works rather than from the notice \
        (`inferred "why"` on an `at` transform: the notice says the data arrives pseudonymised but not \
        where or by whom) is reported once, on the notice that describes the flows carrying its \
        output: the notice leaves the point unstated.

        Fix: add the flow (`flows FLOW`) or its purpose (`purposes PURPOSE`) to the controller's \
        notice, and make the published notice say the same. Give flows an explicit name (`flow NAME \
        FROM -> TO`) so notices can list them.
        """,
        triggeringExamples: [
            """
            key commissioning-key "Commissioning pseudonym" {
              held-by dscro
            }

            at dscro pseudonymise sus -> sus-pseudo "SUS pseudonymised for commissioning" {
              key commissioning-key
              inferred "the notice says the data arrives pseudonymised, not where or by whom"
            }

            flow received dscro -> icb "Pseudonymised SUS" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              role controller
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }

            notice icb-notice "ICB privacy notice" {
              controller icb
              flows received
            }
            """,
            """
            notice icb-notice "ICB privacy notice" {
              controller icb
              purposes commissioning
            }

            flow icb -> csu "Risk stratification processing" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            approval rs-approval "Risk stratification" {
              reference "CAG 7-04(a)/2013"
              regulation 5
              purposes risk-stratification
              controllers gp, icb
              processors supplier
              conditions "Privacy notices are updated to describe risk stratification"
              ndoo exempt "CAG register entry"
              valid-until 2030-09-30
            }

            flow gp -> supplier "GP extract for risk stratification" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 rs-approval
            }
            """,
        ],
        passingExamples: [
            """
            notice icb-notice "ICB privacy notice" {
              controller icb
              purposes commissioning, risk-stratification
            }

            flow icb -> csu "Risk stratification processing" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            approval rs-approval "Risk stratification" {
              reference "CAG 7-04(a)/2013"
              regulation 5
              purposes risk-stratification
              controllers gp, icb
              processors supplier
              conditions "Privacy notices are updated to describe risk stratification"
              ndoo exempt "CAG register entry"
              valid-until 2030-09-30
            }

            notice gp-notice "Practice privacy notice" {
              controller gp
              flows gp-rs-extract
            }

            notice icb-notice "ICB privacy notice" {
              controller icb
              purposes risk-stratification
            }

            flow gp-rs-extract gp -> supplier "GP extract for risk stratification" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 rs-approval
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        let analysis = collector.analysis
        let partyTable = FlowParties.shared(by: collector)
        let declarations = partyTable.declarations
        let organisationNames = analysis.graph.organisations
        // By the controller's organisation id, its notices in id order (a controller no flow or
        // declaration names has no id, and no flow to be described in).
        var notices = [[Notice]](repeating: [], count: organisationNames.count)
        let allNotices = model.notices
        for position in allNotices.indices {
            if let id = organisationNames.id(allNotices.values[position].controller.name) { notices[id].append(Notice(allNotices.values[position])) }
        }
        for id in notices.indices where notices[id].count > 1 { notices[id].sort { $0.id < $1.id } }
        // Controllers with no notice at all that an approval's condition requires one of:
        // (controller, approval) -> the flows concerned, reported once per pair.
        var unnoticed: [String: [Int]] = [:]
        var unnoticedOrder: [(controller: String, approval: String)] = []
        // Only an approval whose conditions require a notice matters below (it mandates notices and
        // adds its controllers); its conditions are read once, not once per flow made under it.
        let cited = CitedApprovals.shared(by: collector)
        let flowRoles = FlowColumns.shared(by: collector).roles
        let mandatesNotices = cited.approvals.map { $0.conditions.contains(where: requiresNotice) }
        // Reused for every flow: the flow's controllers, without repeats.
        var controllers: [Int] = []
        for index in model.flows.indices where declarations.senders[index] != declarations.recipients[index] && carriesPersonalData[index] {
            let flow = model.flows[index]
            let parties = partyTable.parties(ofFlow: index, role: flowRoles[index])
            controllers.removeAll(keepingCapacity: true)
            for org in parties.disclosing where !controllers.contains(org) { controllers.append(org) }
            for org in parties.receiving where !controllers.contains(org) { controllers.append(org) }
            let approval = cited.position(ofFlow: index).flatMap { mandatesNotices[$0] ? cited.approvals[$0] : nil }
            if let approval {
                for name in approval.controllers.map(\.name).sorted() {
                    guard let org = organisationNames.id(name), declarations.organisations[org] != nil, !controllers.contains(org) else { continue }
                    controllers.append(org)
                }
            }
            for controller in controllers where partyTable.isAnswerable[controller] {
                let own = notices[controller]
                let controllerID = organisationNames.names[controller]
                // The approval mandates notices of the controllers it names, or of all the flow's when it names none.
                let isMandated = approval.map { $0.controllers.isEmpty || $0.controllers.contains { $0.name == controllerID } } ?? false
                if own.isEmpty {
                    guard isMandated, let approval else { continue }
                    let key = "\(controllerID)|\(approval.id)"
                    if unnoticed[key] == nil { unnoticedOrder.append((controllerID, approval.id)) }
                    unnoticed[key, default: []].append(index)
                    continue
                }
                guard !own.contains(where: { $0.describes(flow) }) else { continue }
                let role: String
                if parties.disclosing.contains(controller) {
                    role = "discloses personal data for `\(controllerID)`"
                } else if parties.receiving.contains(controller) {
                    role = "delivers personal data to `\(controllerID)`"
                } else {
                    role = "is made under approval `\(approval?.id ?? "")`, which names `\(controllerID)` as a controller"
                }
                let names = own.map { "`\($0.id)`" }.joined(separator: ", ")
                let required = isMandated ? " (approval `\(approval?.id ?? "")` requires the notice to describe it)" : ""
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) \(role), but \(names) lists neither the flow nor its purpose\(required)",
                    discriminator: controllerID,
                    related: own.map { DiagnosticNote("`\($0.id)` is declared here", at: $0.span) },
                    help: "add `flows \(flow.id)` or `purposes \(flow.purposes.map(\.name).joined(separator: ", "))` to `\(own[0].id)`, and update the published notice"
                )
            }
        }
        for (controllerID, approvalID) in unnoticedOrder {
            guard let controller = model.organisations[controllerID], let approval = model.approvals[approvalID],
                  let indices = unnoticed["\(controllerID)|\(approvalID)"] else { continue }
            let condition = approval.conditions.first(where: requiresNotice) ?? ""
            let labels = indices.map { collector.label(model.flows[$0]) }
            let shown = labels.prefix(3).joined(separator: ", ") + (labels.count > 3 ? " and \(labels.count - 3) more" : "")
            collector.report(
                "`\(controllerID)` is a controller of flows made under approval `\(approvalID)` (\(shown)), whose conditions require privacy notices to describe the processing, but `\(controllerID)` has no privacy notice in the model",
                at: controller.span, target: controllerID, discriminator: "approval:\(approvalID)",
                related: [DiagnosticNote("condition of `\(approvalID)`: \"\(condition)\"", at: approval.span)]
                    + indices.prefix(5).map { DiagnosticNote("made under the approval", at: model.flows[$0].span) },
                help: "declare the published notice, e.g. `notice \(controllerID)-notice { controller \(controllerID); purposes \(Set(indices.flatMap { model.flows[$0].purposes.map(\.name) }).sorted().joined(separator: ", ")) }`, and make sure it describes the processing"
            )
        }
        reportInferredSteps(&collector)
    }

    /// A step the model declares from how the process works (`inferred "…"`), because the notice
    /// describing the flows that carry its output does not say where or by whom it happens: the
    /// unstated point, reported once, on the step.
    static func reportInferredSteps(_ collector: inout FindingCollector) {
        let model = collector.model
        let inferred = model.transforms.filter { $0.inferred != nil }
        guard !inferred.isEmpty else { return }
        let describing = DescribingNotices.shared(by: collector)
        for transform in inferred {
            let carriers = model.flows.filter { $0.dataset.name == transform.output && !describing.notices(describing: $0.id).isEmpty }
            guard let first = carriers.first else { continue }
            let notices = describing.notices(describing: first.id)
            let done = switch transform.operation {
            case .pseudonymise: "pseudonymised"
            case .link: "linked"
            case .aggregate: "aggregated"
            case .anonymise: "anonymised"
            case .filter: "filtered"
            case .reidentify: "re-identified"
            }
            collector.report(
                "privacy notice \(notices.map { "`\($0)`" }.joined(separator: ", ")) describes \(carriers.map(FindingCollector.label).joined(separator: ", ")) but not where or by whom the data is \(done): the model places the step at `\(transform.holder.name)` (\(transform.inferred ?? ""))",
                // Charged to the notice: it is the notice that leaves the point unstated.
                at: transform.inferredSpan ?? transform.span, target: notices[0], discriminator: "inferred-step:\(transform.output)",
                help: "say in the notice where the data is \(done) and by whom (e.g. \"pseudonymised by NHS England's Data Services for Commissioners before it reaches us\"); correct the model if the notice says otherwise"
            )
        }
    }

    /// What the rule reads of a notice for every flow of its controller: a whole declaration is a
    /// large value, copied each time it is read out of a list.
    struct Notice {
        let id: String
        let span: SourceSpan
        let flows: [Reference]
        let purposes: [Reference]

        // Inlined so that reading a declaration out of its dictionary loads only these fields.
        @inline(__always)
        init(_ notice: borrowing PrivacyNotice) {
            id = notice.id
            span = notice.span
            flows = notice.flows
            purposes = notice.purposes
        }

        func describes(_ flow: Flow) -> Bool {
            flows.contains { $0.name == flow.id }
                || purposes.contains { purpose in flow.purposes.contains { $0.name == purpose.name } }
        }
    }

    static func requiresNotice(_ condition: String) -> Bool {
        let text = condition.lowercased()
        return text.containsBytes("privacy notice") || text.containsBytes("fair processing") || text.containsBytes("transparency")
    }
}
