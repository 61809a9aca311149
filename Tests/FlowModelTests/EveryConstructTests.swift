import FlowLanguage
import FlowModel
import Testing

/// The every-construct model loads cleanly, every property lands in the model, and the fixture
/// keeps up with the schema (the schema's own help text lists its keywords and properties).
@Suite struct EveryConstructTests {
    @Test func loadsWithoutDiagnostics() throws {
        let model = try Loading.model(EveryConstruct.files, paths: ["main.flow"])
        #expect(model.name == "Every construct")
        let declared = model.organisations.values.filter { !StandardLibrary.isLibraryPath($0.span.path) }
        #expect(declared.map(\.id).sorted() == ["blmk", "cloud-co", "csu", "dscro", "psl"])
        #expect(model.organisations["nhs-england"].map { StandardLibrary.isLibraryPath($0.span.path) } == true)
        #expect(model.organisations["dscro"]?.span.path == "main.flow", "the user's `dscro` overrides the library's")
        #expect(model.flows.map(\.id) == ["f1", "blmk.psl.sus-p.rs"])
    }

    @Test func everyDeclarationKeywordIsUsed() throws {
        let keywords = try #require(schemaList(from: Loading.load("zzzz").diagnostics.first?.help, after: "declarations start with one of: "))
        let used = Set(Parser.parse(SourceFile(path: "main.flow", text: EveryConstruct.main)).syntax.statements.map(\.name))
        #expect(keywords.count >= 19)
        for keyword in keywords {
            #expect(used.contains(keyword), "the fixture does not use `\(keyword)`")
        }
    }

    /// For each declaration, a probe that produces FG111 and so lists its properties.
    static let probes: [(keyword: String, header: String)] = [
        ("model", "model \"M\""), ("org", "org x"), ("boundary", "boundary x"), ("dataset", "dataset x"),
        ("at", "at dscro anonymise sus -> x"), ("purpose", "purpose x"), ("approval", "approval x"),
        ("agreement", "agreement x"), ("contract", "contract x"), ("arrangement", "arrangement x"), ("dpia", "dpia x"),
        ("gateway", "gateway x"), ("opt-out", "opt-out x"), ("key", "key x"), ("notice", "notice x"),
        ("flow", "flow a -> b"), ("waiver", "waiver FG001 x"),
    ]

    @Test func everyPropertyIsUsed() throws {
        let syntax = Parser.parse(SourceFile(path: "main.flow", text: EveryConstruct.main)).syntax
        for probe in Self.probes {
            let result = Loading.load(probe.header + " {\n  zzzz\n}")
            let diagnostic = result.diagnostics.first { $0.code == LanguageCode.unknownProperty.rawValue }
            let properties = try #require(schemaList(from: diagnostic?.help, after: " are: "), "no property list for `\(probe.keyword)`")
            var used: Set<String> = []
            collectProperties(of: probe.keyword, in: syntax.statements, into: &used)
            for property in properties {
                #expect(used.contains(property), "the fixture's `\(probe.keyword)` declarations do not use `\(property)`")
            }
        }
    }

    @Test func organisationProperties() throws {
        let model = try Loading.model(EveryConstruct.files, paths: ["main.flow"])
        let org = try #require(model.organisations["dscro"])
        #expect(org.title == "DSCRO" && org.kind == .dscro && org.isPublicAuthority == true)
        #expect(org.odsCode == "X26" && org.icoRegistration == "Z1234567" && org.country == "GB")
        #expect(org.dspt == .standardsMet && org.dsptYear == "2023/24")
        #expect(org.hasAppropriatePolicyDocument == true && org.hasConfidentialityDuty == true && !org.isStatutoryCollector && !org.isAccountable)
        #expect(model.organisations["nhs-england"]?.isStatutoryCollector == true)
        #expect(model.organisations["csu"]?.partOf?.name == "nhs-england" && model.legalPerson(of: "csu") == "nhs-england")
        #expect(org.validFrom == Day(year: 2020, month: 4, day: 1) && org.validUntil == Day(year: 2030, month: 3, day: 31))
        #expect(org.successor?.name == "csu" && org.processorFor.map(\.name) == ["blmk"])
        #expect(org.jointControllerWith.map(\.name) == ["nhs-england"])
        #expect(org.evidence == ["cef-listed", "rs-assurance-statement"])
        #expect(org.security == "ISO 27001" && org.dataProtectionOfficer == "dpo@example.org" && org.description == "Data services")
        #expect(model.organisations["psl"]?.country == "IN")
        #expect(model.organisations["cloud-co"]?.country == "IE", "declared in the included file")
    }

    @Test func boundaryAndKeyProperties() throws {
        let model = try Loading.model(EveryConstruct.files, paths: ["main.flow"])
        let region = try #require(model.boundaries["region"])
        #expect(region.kind == .organisation && region.parent == nil && region.members.map(\.name) == ["blmk"])
        #expect(region.promises == [.dataStaysInUK] && region.description == "The region")
        let sde = try #require(model.boundaries["sde"])
        #expect(sde.parent == "region" && sde.kind == .secureDataEnvironment)
        #expect(sde.members.map(\.name) == ["dscro", "csu"], "repeated `contains` accumulate")
        #expect(sde.promises == [.personalDataDoesNotLeave, .identifiableDataDoesNotLeave])
        let key = try #require(model.keys["k"])
        #expect(key.heldBy.map(\.name) == ["dscro", "csu"] && key.title == "Key" && key.description == "Shared")
    }

    @Test func datasetProperties() throws {
        let model = try Loading.model(EveryConstruct.files, paths: ["main.flow"])
        let sus = try #require(model.datasets["sus"])
        #expect(sus.origins == [.englandHealth] && sus.specialCategories == [.health] && sus.hasCriminalOffenceData)
        #expect(sus.identifiers == [.nhsNumber, .postcode, .age] && sus.subjects == [.patients] && sus.level == .identifiable)
        #expect(sus.sources.map(\.name) == ["blmk"] && sus.items == "APC" && sus.description == "Secondary uses" && !sus.isDerived)
        #expect(model.datasets["gp"]?.key?.name == "k" && model.datasets["gp"]?.level == .pseudonymised)
    }

    @Test func transformProperties() throws {
        let model = try Loading.model(EveryConstruct.files, paths: ["main.flow"])
        #expect(model.transforms.map(\.operation) == [.pseudonymise, .link, .aggregate, .anonymise, .filter, .reidentify])
        let pseudonymise = try #require(model.transforms.first)
        #expect(pseudonymise.holder.name == "dscro" && pseudonymise.inputs.map(\.name) == ["sus"] && pseudonymise.output == "sus-p")
        #expect(pseudonymise.title == "SUS+ pseudonymised" && pseudonymise.key?.name == "k" && pseudonymise.level == .pseudonymisedWeak)
        #expect(pseudonymise.identifiers == [.pseudonym, .age] && pseudonymise.purposes.map(\.name) == ["rs"])
        #expect(model.transforms[1].inputs.map(\.name) == ["sus-p", "gp"])
        #expect(pseudonymise.inferred == "where the notice does not say" && model.transforms[1].inferred == nil)
        #expect(model.transforms[2].suppressBelow == 10 && model.transforms[2].roundTo == 10)
        #expect(model.transforms[3].anonymisationAssessment == "ICO code")
        #expect(model.transforms[4].optOuts.map(\.name) == ["ndoo", "type1"])
    }

    @Test func instrumentProperties() throws {
        let model = try Loading.model(EveryConstruct.files, paths: ["main.flow"])
        let purpose = try #require(model.purposes["rs"])
        #expect(purpose.category == .riskStratificationCaseFinding && !purpose.isStatutoryFunction && purpose.description == "Case finding")
        let cag = try #require(model.approvals["cag"])
        #expect(cag.reference == "CAG 7-04(a)/2013" && cag.regulation == 5 && cag.decisionMaker == .secretaryOfState)
        #expect(cag.applicant?.name == "nhs-england" && cag.purposes.map(\.name) == ["rs"] && cag.datasets.map(\.name) == ["sus"])
        #expect(cag.controllers.map(\.name) == ["blmk"] && cag.processors.map(\.name) == ["dscro", "psl"] && cag.classes == [1, 6])
        #expect(cag.excludedOrigins == [.outsideEngland] && cag.ndoo == .exempt && cag.ndooEvidence == "Letter")
        #expect(cag.conditions == ["Annual review", "Breach reporting"] && cag.requiredEvidence == ["rs-assurance-statement"])
        #expect(cag.validFrom == Day(year: 2013, month: 7, day: 1) && cag.validUntil == .unknown)
        #expect(cag.nextReview == .known(Day(year: 2026, month: 9, day: 30)!) && cag.lastReviewed == Day(year: 2024, month: 9, day: 30))
        #expect(cag.coversLinkage == true && cag.description == "Regulation 5")
        let dsa = try #require(model.agreements["dsa"])
        #expect(dsa.kind == .nhsEnglandDSA && dsa.reference == "DARS-1" && dsa.parties.map(\.name) == ["nhs-england", "blmk"])
        #expect(dsa.validUntil == .known(Day(year: 2027, month: 3, day: 31)!) && dsa.nextReview == Day(year: 2025, month: 4, day: 1))
        #expect(dsa.allowsSublicensing == false && dsa.retention == "Until the end")
        let contract = try #require(model.contracts["c"])
        #expect(contract.controller.name == "blmk" && contract.processor.name == "psl" && contract.subProcessing == .specific)
        #expect(contract.subProcessors.map(\.name) == ["cloud-co"] && contract.hasConfidentialityClause == true && contract.validUntil == .unknown)
        let joint = try #require(model.arrangements["j"])
        #expect(joint.controllers.map(\.name) == ["blmk", "nhs-england"] && joint.essencePublished == true)
        let dpia = try #require(model.impactAssessments["d"])
        #expect(dpia.controller?.name == "blmk" && dpia.signedOffBy == ["Caldicott Guardian", "DPO"] && dpia.completed == Day(year: 2023, month: 5, day: 1))
        let gateway = try #require(model.gateways["g"])
        #expect(gateway.kind == .directions && gateway.citation == "HSCA 2012 s254" && gateway.validUntil == Day(year: 2029, month: 1, day: 1))
        #expect(model.purposes["rs"]?.kindOf.map(\.name) == ["risk-stratification-case-finding"])
        #expect(model.datasets["gp"]?.kindOf.map(\.name) == ["gp-extract"])
        let decision = try #require(model.gateways["pi"])
        #expect(decision.kind == .publicInterestDecision && decision.flows.map(\.name) == ["f1"])
        #expect(decision.decidedBy == "Caldicott Guardian" && decision.decided == Day(year: 2025, month: 1, day: 10))
        let optOut = try #require(model.optOuts["local"])
        #expect(optOut.kind == .programme && optOut.recordedAt.map(\.name) == ["blmk"] && optOut.code == "9Nu4")
        let notice = try #require(model.notices["n"])
        #expect(notice.controller.name == "blmk" && notice.flows.map(\.name) == ["f1", "blmk.psl.sus-p.rs"])
        #expect(notice.reviewed == Day(year: 2025, month: 1, day: 15) && notice.url == "https://example.org")
        #expect(notice.reviewDue == Day(year: 2026, month: 1, day: 15))
        #expect(notice.statements == [.noAutomatedDecisions, .notSharedOutside] && notice.optOuts.map(\.name) == ["local"])
        #expect(notice.quotes.map(\.text) == ["This allows Clinical Commissioning Groups to validate invoices", "NHS Digital collects the data"])
    }

    @Test func flowProperties() throws {
        let model = try Loading.model(EveryConstruct.files, paths: ["main.flow"])
        let flow = try #require(model.flows.first)
        #expect(flow.id == "f1" && flow.hasExplicitID && flow.title == "Feed" && flow.from.name == "dscro" && flow.to.name == "psl")
        #expect(flow.dataset.name == "sus-p" && flow.level == .pseudonymisedWeak && flow.purposes.map(\.name) == ["rs", "ivs"])
        #expect(flow.role == .processor && flow.article6?.basis == .e && flow.article6?.gateway?.name == "g" && flow.article6?.citation == nil)
        #expect(flow.article9Conditions == [.h] && flow.schedule1 == [Schedule1Condition(part: 1, paragraph: 2)!, Schedule1Condition(part: 2, paragraph: 6)!])
        #expect(flow.article10 == .officialAuthority)
        #expect(flow.confidentiality?.basis == .s251Regulation5 && flow.confidentiality?.instrument?.name == "cag")
        #expect(flow.appliedOptOuts.map(\.name) == ["ndoo", "type1"])
        #expect(flow.exemptions.map(\.optOut.name) == ["ndoo", "local"] && flow.exemptions.map(\.evidence) == ["Letter", nil])
        #expect(flow.agreements.map(\.name) == ["dsa", "c", "j"] && flow.dpia?.name == "d")
        #expect(flow.retention.map(\.text) == ["6 years", "Review yearly"] && flow.retention.map(\.action) == [.destroy, nil])
        #expect(flow.transfer == .idta && flow.frequency == .monthly && flow.suppressBelow == 10 && flow.roundTo == 10)
        #expect(flow.anonymisationAssessment == "Motivated intruder" && flow.reidentificationAllowedBy.map(\.name) == ["blmk"])
        #expect(flow.neededIdentifiers == [.postcode] && flow.items == "APC" && flow.changed == Day(year: 2024, month: 6, day: 1))
        #expect(flow.siroApproval == "SIRO-17" && flow.description == "Monthly feed")
        let second = try #require(model.flows.last)
        #expect(!second.hasExplicitID && second.article6?.citation == "NHS Act 2006 s14Z" && second.article6?.gateway == nil)
    }

    @Test func modelSettingsAndWaiver() throws {
        let model = try Loading.model(EveryConstruct.files, paths: ["main.flow"])
        #expect(!model.settings.type1OnLegalCollections && model.settings.minimumSuppressBelow == 10 && model.settings.minimumRounding == 10)
        #expect(model.settings.commissionerIdentifiableChannels == [.invoiceValidation, .safeguarding])
        #expect(!model.settings.unknownNDOOStatusApplies)
        let waiver = try #require(model.waivers.first)
        #expect(waiver.code == "FG015" && waiver.target.name == "f1" && waiver.justification == "Renewal in progress")
        #expect(waiver.owner == "IG lead" && waiver.reference == "RISK-42" && waiver.expires == Day(year: 2026, month: 3, day: 31))
        #expect(waiver.finding == "ndoo")
    }

    /// The comma-separated list in `help` after `marker`.
    private func schemaList(from help: String?, after marker: String) -> [String]? {
        guard let help, let range = help.range(of: marker) else { return nil }
        return help[range.upperBound...].split(separator: ", ").map(String.init)
    }

    /// Property names used directly inside declarations named `keyword`, at any depth.
    private func collectProperties(of keyword: String, in statements: [SyntaxNode], into used: inout Set<String>) {
        for node in statements {
            if node.name == keyword { used.formUnion(node.block?.statements.map(\.name) ?? []) }
            collectProperties(of: keyword, in: node.block?.statements ?? [], into: &used)
        }
    }
}
