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
        let analysis = collector.analysis
        let model = collector.model
        let asOf = collector.asOf
        func inForce(_ contract: ProcessorContract) -> Bool {
            if let from = contract.validFrom, asOf < from { return false }
            if let until = contract.validUntil?.day, until < asOf { return false }
            return true
        }
        let roles = FG024.Roles.shared(by: collector)
        for (index, flow) in collector.flows where flow.from.name != flow.to.name {
            let processor = flow.from.name
            let subProcessor = flow.to.name
            let controllers = roles.senderControllers[index]
            guard roles.isSubProcessing(flow, senderControllers: controllers) else { continue }
            let head = roles.contracts(withProcessor: processor).filter { controllers.contains($0.controller.name) && inForce($0) }
            let authorising = head.filter { contract in
                let listed = contract.subProcessors.contains { $0.name == subProcessor }
                switch contract.subProcessing {
                case .general?: return true
                case .specific?: return listed
                case .some(.none): return false
                case nil: return listed
                }
            }
            let controllerText = controllers.sorted().map { "`\($0)`" }.joined(separator: ", ")
            if authorising.isEmpty {
                let reason: String
                if head.isEmpty {
                    reason = "no Art 28 contract in force between \(controllerText) and `\(processor)` authorises sub-processing"
                } else {
                    let details = head.map { contract -> String in
                        switch contract.subProcessing {
                        case .none?: return "`\(contract.id)` forbids sub-processing"
                        case .specific?: return "`\(contract.id)` authorises only \(contract.subProcessors.isEmpty ? "no named sub-processor" : contract.subProcessors.map { "`\($0.name)`" }.joined(separator: ", "))"
                        default: return "`\(contract.id)` records no sub-processing authorisation"
                        }
                    }
                    reason = details.joined(separator: "; ")
                }
                collector.report(
                    flow: index,
                    "`\(processor)`, a processor for \(controllerText), passes `\(flow.dataset.name)` to sub-processor `\(subProcessor)` in \(collector.label(flow)) without the controller's authorisation: \(reason)",
                    discriminator: "authorisation",
                    related: head.map { DiagnosticNote("contract `\($0.id)` is declared here", at: $0.span) },
                    witness: analysis.witnessPath(forFlow: index),
                    help: "have the controller authorise it in its contract with `\(processor)`: `sub-processing specific` and `sub-processors \(subProcessor)` (or `sub-processing general`)"
                )
            }
            let listed = head.contains { $0.subProcessors.contains { $0.name == subProcessor } }
            let bound = roles.contracts(withProcessor: subProcessor).contains { $0.controller.name == processor && inForce($0) }
            if !listed && !bound {
                collector.report(
                    flow: index,
                    "sub-processor `\(subProcessor)` in \(collector.label(flow)) is not bound to the same data protection terms: no contract in force has `\(processor)` as controller and `\(subProcessor)` as processor, and no controller's contract names it among its `sub-processors`",
                    discriminator: "flow-down",
                    witness: analysis.witnessPath(forFlow: index),
                    help: "declare `contract NAME { controller \(processor) processor \(subProcessor) … }` and cite it on the flow with `agreement NAME`, or name `\(subProcessor)` in the controller's contract (`sub-processors \(subProcessor)`)"
                )
            }
        }
    }
}
