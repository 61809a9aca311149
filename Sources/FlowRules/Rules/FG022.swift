import FlowAnalysis
import FlowLanguage
import FlowModel

/// R22: commissioner receiving identifiable data outside the permitted channels.
enum FG022 {
    static let rule = Rule(
        code: "FG022",
        slug: "commissioner-identifiable-data",
        severity: .error,
        legalSource: "Post-2012 commissioning data framework (Data Services for Commissioners, DSCRO model); HSCA 2012 s261; NHS England invoice-validation (CAG 7-07(a-c)/2013) and risk-stratification (CAG 7-04(a)/2013) guidance",
        summary: "An ICB (or CCG) receives identifiable or NHS-number-level patient data outside the channels commissioners may use.",
        explanation: """
        Since 2013 commissioners do not receive identifiable patient data for commissioning: SUS and \
        local provider flows go through a DSCRO, which passes them on pseudonymised. The exceptions are \
        few and each has its own conditions: invoice validation, under s251 support (CAG \
        7-07(a-c)/2013), only inside a Controlled Environment for Finance; individual casework — \
        continuing healthcare, individual funding requests, complaints, patient involvement — on the \
        patient's explicit consent; and safeguarding, under a statutory duty (or, case by case, the \
        overriding public interest or a court order). Risk stratification is not one of them: the \
        processor holds the identifiable data and the ICB sees it pseudonymised.

        The rule checks every flow of patient data (data with a health special category or an origin \
        in health or care) to an organisation of kind `icb` or `ccg` that arrives identifiable or at \
        NHS-number level (`pseudonymised-weak`). Every purpose of the flow must be a permitted channel \
        with its condition met:
        - `invoice-validation`: an s251 confidentiality basis, and the recipient inside a boundary of \
          kind `controlled-environment-for-finance` (or carrying the evidence `cef-listed`);
        - `continuing-healthcare`, `individual-funding-requests`, `complaints`, `patient-involvement`: \
          `confidentiality explicit-consent`;
        - `safeguarding`: `confidentiality statutory`, `public-interest` or `court-order`;
        - any other category added to the model setting `commissioner-identifiable-channels`: no \
          further condition.
        A flow with no confidentiality basis at all is reported by FG009, so the basis conditions \
        above judge only a basis that is given (the CEfF condition always applies).
        A flow made under a named statutory gateway (`confidentiality statutory GATEWAY`) or a court \
        order is accepted whatever its purpose, as another explicit gateway. The channel list is the \
        model setting `commissioner-identifiable-channels`; removing a category from it closes that \
        channel. Pseudonymised data that the ICB can re-identify is FG019's concern.

        Fix: send the commissioner pseudonymised data (through the DSCRO); for invoice validation, \
        receive the backing data inside the CEfF (`boundary cef { kind \
        controlled-environment-for-finance contains ORG }`) under s251; for casework, record the \
        explicit consent. Where a local s251 approval genuinely allows an ICB identifiable data, add its \
        purpose category to `commissioner-identifiable-channels` in the `model` block.
        """,
        triggeringExamples: [
            """
            flow nhs-england -> icb "SUS with NHS numbers for contract management" {
              data sus
              level pseudonymised-weak
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            flow trust -> icb "Invoice backing data outside a CEfF" {
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
            purpose chc "Continuing healthcare assessment" {
              category continuing-healthcare
            }

            flow trust -> icb "CHC file without consent recorded" {
              data sus
              level identifiable
              purpose chc
              art6 e "NHS Act 2006 s3"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
        ],
        passingExamples: [
            """
            org icb-cef "ICB invoice validation team" {
              kind icb
              public-authority yes
              confidentiality-duty yes
            }

            boundary cef "Controlled Environment for Finance" {
              kind controlled-environment-for-finance
              contains icb-cef
            }

            flow trust -> icb-cef "Invoice backing data" {
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
            purpose chc "Continuing healthcare assessment" {
              category continuing-healthcare
            }

            flow trust -> icb "CHC assessment file" {
              data sus
              level identifiable
              purpose chc
              art6 e "NHS Act 2006 s3"
              art9 h
              sch1 part1 para2
              confidentiality explicit-consent
            }
            """,
            """
            at dscro pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            flow dscro -> icb "Pseudonymised SUS" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
        ]
    ) { collector in
        let analysis = collector.analysis
        let model = collector.model
        let declarations = DeclarationsByID.shared(by: collector)
        let channels = PurposeCategorySet(model.settings.commissionerIdentifiableChannels)
        let boundaries = BoundaryMembers.shared(by: collector)
        // Inside a Controlled Environment for Finance, or a boundary nested in one.
        let inCEfF = model.boundaries.values.filter { $0.kind == .controlledEnvironmentForFinance }
            .reduce(into: Set<String>()) { $0.formUnion(boundaries.of($1.id)) }
        let purposeCategories = PurposeCategorySet.PerFlow.shared(by: collector)
        let wireLevels = analysis.identifiability.wireLevels
        // By id: commissioners among the organisations; whether a dataset is patient information,
        // read only for the datasets sent to commissioners.
        let isCommissioner = declarations.organisations.map { $0?.kind == .icb || $0?.kind == .ccg }
        var isPatientInformation: [Int: Bool] = [:]
        let levelClaims = LevelClaims.shared(by: collector)
        for index in model.flows.indices {
            let recipientID = declarations.recipients[index]
            guard isCommissioner[recipientID], declarations.senders[index] != recipientID, wireLevels[index].isConfidentialByItself,
                  let recipient = declarations.organisations[recipientID] else { continue }
            let flow = model.flows[index]
            let dataset = declarations.flowDatasets[index]
            if isPatientInformation[dataset] == nil {
                isPatientInformation[dataset] = model.datasets[flow.dataset.name].map(Analysis.isPatientInformation) ?? false
            }
            guard isPatientInformation[dataset] == true else { continue }
            // `not-confidential` for identifiable data is no basis at all (FG009 reports it).
            // A claim that cites nothing switches nothing off here (see `basisForDependentChecks`).
            let counted = analysis.basisForDependentChecks(index)
            let basis = counted == .notConfidential ? nil : counted
            // Another explicit gateway: a cited statute, or a court order.
            if basis == .courtOrder || basis == .statutory { continue }
            var problems: [String] = []
            for category in purposeCategories[index].members.sorted(by: { $0.rawValue < $1.rawValue }) {
                guard channels.contains(PurposeCategorySet(category)) else {
                    problems.append("`\(category.rawValue)` is not a channel through which a commissioner may receive identifiable data")
                    continue
                }
                // A missing basis is FG009's finding; the channel conditions below judge the basis given.
                switch category {
                case .invoiceValidation:
                    if let basis, !basis.isSection251 { problems.append("invoice validation needs s251 support (`confidentiality s251-reg5 APPROVAL`), not `\(basis.rawValue)`") }
                    if !inCEfF.contains(recipient.id) && !recipient.evidence.contains("cef-listed") {
                        problems.append("invoice validation must happen inside a Controlled Environment for Finance, and `\(recipient.id)` is in none")
                    }
                case .continuingHealthcare, .individualFundingRequests, .complaints, .patientInvolvement:
                    if let basis, basis != .explicitConsent {
                        problems.append("`\(category.rawValue)` casework rests on the patient's explicit consent (`confidentiality explicit-consent`), not `\(basis.rawValue)`")
                    }
                case .safeguarding:
                    if let basis, ![.statutory, .overridingPublicInterest, .courtOrder].contains(basis) {
                        problems.append("safeguarding disclosures rest on a statutory duty (`confidentiality statutory`), the overriding public interest or a court order, not `\(basis.rawValue)`")
                    }
                default:
                    break
                }
            }
            guard !problems.isEmpty else { continue }
            let level = analysis.identifiability.wireLevels[index]
            collector.report(
                flow: index,
                "commissioner `\(recipient.id)` receives `\(flow.dataset.name)` \(level == .identifiable ? "identifiable" : "at NHS-number level (\(level.rawValue))") in \(collector.label(flow)) outside the permitted channels: \(problems.joined(separator: "; "))",
                help: "send pseudonymised data through the DSCRO instead; or meet the channel's condition (s251 inside a CEfF for invoice validation, `confidentiality explicit-consent` for casework, `confidentiality statutory` for safeguarding)",
                causedBy: levelClaims.cause(ofFlow: index, firesAt: \.isConfidentialByItself)
            )
        }
    }
}
