import FlowAnalysis
import FlowLanguage
import FlowModel

/// R25: sub-processor without authorisation.
enum FG025 {
    static let rule = Rule(
        code: "FG025",
        slug: "sub-processor-without-authorisation",
        severity: .error,
        legalSource: "UK GDPR Art 28(2) and 28(4)",
        summary: "A processor passes data to a sub-processor without the controller's written authorisation or without flow-down terms.",
        explanation: """
        A processor may not engage another processor without the controller's prior written \
        authorisation, specific (naming the sub-processor) or general (Art 28(2)), and must bind the \
        sub-processor by contract to the same data protection obligations (Art 28(4)). The typical \
        gap is a CSU or supplier putting the controller's data on a cloud platform or giving it to an \
        analytics vendor that the ICB never approved.

        A flow is sub-processing when the sender holds the data as a processor (everything that \
        brought it there were processor flows) and the recipient acts for the sender, or for the same \
        controllers, as a processor — unless the controller engaged the recipient directly under its \
        own Art 28 contract. Two errors are reported on such a flow:
        1. authorisation: no contract in force between one of the sender's controllers and the \
           sender authorises it — `sub-processing general`, or `sub-processing specific` with the \
           recipient among `sub-processors` (a contract that lists the recipient in \
           `sub-processors` without saying which kind counts as specific);
        2. flow-down: the recipient is neither named in an authorising contract's `sub-processors` \
           (which records the sub-processor as bound by the same terms) nor bound by a contract in \
           force with the sender as its controller (`contract { controller SENDER processor \
           RECIPIENT }`).

        Fix: have the controller authorise the sub-processor in its contract with the processor \
        (`sub-processing specific` and `sub-processors NAME`), and record the processor's own \
        contract with the sub-processor where the authorisation is general.
        """,
        triggeringExamples: [
            """
            org cloud-vendor "Cloud analytics vendor" {
              kind supplier
              country GB
              processor-for csu
            }

            contract csu-contract "CSU processing contract" {
              controller icb
              processor csu
              valid-until 2028-03-31
              sub-processing none
            }

            flow icb -> csu "Commissioning data" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement csu-contract
            }

            flow csu -> cloud-vendor "Hosting with an unapproved vendor" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            org cloud-vendor "Cloud analytics vendor" {
              kind supplier
              processor-for csu
            }

            contract csu-contract "CSU processing contract" {
              controller icb
              processor csu
              valid-until 2028-03-31
              sub-processing general
            }

            flow icb -> csu "Commissioning data" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement csu-contract
            }

            flow csu -> cloud-vendor "General authorisation, no flow-down contract" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
        ],
        passingExamples: [
            """
            org cloud-vendor "Cloud analytics vendor" {
              kind supplier
              processor-for csu
            }

            contract csu-contract "CSU processing contract" {
              controller icb
              processor csu
              valid-until 2028-03-31
              sub-processing specific
              sub-processors cloud-vendor
            }

            flow icb -> csu "Commissioning data" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement csu-contract
            }

            flow csu -> cloud-vendor "Hosting with an approved sub-processor" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            org cloud-vendor "Cloud analytics vendor" {
              kind supplier
              processor-for csu
            }

            contract csu-contract "CSU processing contract" {
              controller icb
              processor csu
              valid-until 2028-03-31
              sub-processing general
            }

            contract vendor-terms "CSU terms with the vendor" {
              controller csu
              processor cloud-vendor
              valid-until 2027-12-31
            }

            flow icb -> csu "Commissioning data" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement csu-contract
            }

            flow csu -> cloud-vendor "General authorisation with flow-down terms" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement vendor-terms
            }
            """,
        ]
    ) { collector in
        let asOf = collector.asOf
        func inForce(_ contract: ProcessorContract) -> Bool {
            if let from = contract.validFrom, asOf < from { return false }
            if let until = contract.validUntil?.day, until < asOf { return false }
            return true
        }
        let roles = ProcessorRoles.shared(by: collector)
        let contracts = roles.instruments.contracts
        for index in roles.isSubProcessing.indices where roles.isSubProcessing[index] && roles.senders[index] != roles.recipients[index] {
            let flow = collector.model.flows[index]
            let processor = roles.senders[index]
            let subProcessor = roles.recipients[index]
            let controllers = roles.senderControllers[index]
            let head = roles.instruments.contractsByProcessor[processor].map { contracts[$0] }.filter {
                controllers.contains($0.controller) && inForce($0.declaration)
            }
            let authorising = head.filter { contract in
                let listed = contract.subProcessors.contains(subProcessor)
                switch contract.declaration.subProcessing {
                case .general?: return true
                case .specific?: return listed
                case .some(.none): return false
                case nil: return listed
                }
            }
            let controllerText = roles.ids.quoted(controllers, separator: ", ")
            if authorising.isEmpty {
                let reason: String
                if head.isEmpty {
                    reason = "no Art 28 contract in force between \(controllerText) and `\(flow.from.name)` authorises sub-processing"
                } else {
                    let details = head.map { contract -> String in
                        let declaration = contract.declaration
                        switch declaration.subProcessing {
                        case .none?: return "`\(declaration.id)` forbids sub-processing"
                        case .specific?: return "`\(declaration.id)` authorises only \(declaration.subProcessors.isEmpty ? "no named sub-processor" : declaration.subProcessors.map { "`\($0.name)`" }.joined(separator: ", "))"
                        default: return "`\(declaration.id)` records no sub-processing authorisation"
                        }
                    }
                    reason = details.joined(separator: "; ")
                }
                collector.report(
                    flow: index,
                    "`\(flow.from.name)`, a processor for \(controllerText), passes `\(flow.dataset.name)` to sub-processor `\(flow.to.name)` in \(collector.label(flow)) without the controller's authorisation: \(reason)",
                    discriminator: "authorisation",
                    related: head.map { DiagnosticNote("contract `\($0.declaration.id)` is declared here", at: $0.declaration.span) },
                    witness: collector.analysis.witnessPath(forFlow: index),
                    help: "have the controller authorise it in its contract with `\(flow.from.name)`: `sub-processing specific` and `sub-processors \(flow.to.name)` (or `sub-processing general`)"
                )
            }
            let listed = head.contains { $0.subProcessors.contains(subProcessor) }
            let bound = roles.instruments.contractsByProcessor[subProcessor].contains { contracts[$0].controller == processor && inForce(contracts[$0].declaration) }
            if !listed && !bound {
                collector.report(
                    flow: index,
                    "sub-processor `\(flow.to.name)` in \(collector.label(flow)) is not bound to the same data protection terms: no contract in force has `\(flow.from.name)` as controller and `\(flow.to.name)` as processor, and no controller's contract names it among its `sub-processors`",
                    discriminator: "flow-down",
                    witness: collector.analysis.witnessPath(forFlow: index),
                    help: "declare `contract NAME { controller \(flow.from.name) processor \(flow.to.name) … }` and cite it on the flow with `agreement NAME`, or name `\(flow.to.name)` in the controller's contract (`sub-processors \(flow.to.name)`)"
                )
            }
        }
    }
}
