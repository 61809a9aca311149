import FlowModel
import FlowReports
import Testing

/// Section 5's ratings, against the scales docs/reports.md states, on both ICBs' models.
struct DPIARiskTests {
    /// The documented scales, written out here as the specification.
    static let likelihoods: [String: DPIARisk.Likelihood] = ["error": .probable, "warning": .possible, "info": .remote]
    static let harms: [IdentifiabilityLevel: DPIARisk.Harm] = [
        .identifiable: .severe, .pseudonymisedWeak: .severe, .pseudonymised: .significant, .anonymisedInContext: .significant,
        .anonymised: .minimal, .aggregate: .minimal,
    ]
    static let overall: [DPIARisk.Likelihood: [DPIARisk.Harm: DPIARisk.Overall]] = [
        .remote: [.minimal: .low, .significant: .low, .severe: .medium],
        .possible: [.minimal: .low, .significant: .medium, .severe: .high],
        .probable: [.minimal: .medium, .significant: .high, .severe: .high],
    ]

    /// Rule text names things by id in brackets after their name ("the National Data Opt-out
    /// (`ndoo`)"); the annex names them once, not twice.
    @Test(arguments: GoldenReportTests.icbModels)
    func aNameIsNotRepeatedInBracketsAfterItself(model: String) throws {
        let context = try Repository.context("flows/" + model, modelName: model)
        let scope = try #require(DPIAScope(context, purpose: nil))
        let annex = DPIAReport.markdown(context, scope: scope, imagePath: nil)
        #expect(annex.contains("the National Data Opt-out"))
        #expect(!annex.contains("National Data Opt-out (National Data Opt-out)"))
    }

    @Test(arguments: GoldenReportTests.icbModels)
    func ratingsFollowTheStatedScales(model: String) throws {
        let context = try Repository.context("flows/" + model, modelName: model)
        let scope = try #require(DPIAScope(context, purpose: nil))
        let risks = DPIARisk.risks(context, scope: scope)
        #expect(!risks.isEmpty)
        #expect(risks.map(\.number) == risks.indices.map { "R\($0 + 1)" })
        for risk in risks {
            #expect(risk.likelihood == Self.likelihoods[risk.group.severity.rawValue])
            #expect(risk.harm == risk.level.flatMap { Self.harms[$0] })
            #expect(risk.overall == risk.harm.flatMap { Self.overall[risk.likelihood]?[$0] })
            // Every finding of the entry is one the check reports, and none is counted twice.
            for finding in risk.group.members + risk.group.consequences {
                #expect(context.findings.contains(finding))
            }
        }
        let counted = risks.flatMap { $0.group.members + $0.group.consequences }.map(\.fingerprint)
        #expect(Set(counted).count == counted.count)
        #expect(Set(counted) == Set(context.findings.map(\.fingerprint)), "every open finding is in exactly one risk")
        // Highest overall first.
        let order: [DPIARisk.Overall?] = [.high, .medium, .low, nil]
        let ranks = risks.map { risk in order.firstIndex(of: risk.overall) ?? order.count }
        #expect(ranks == ranks.sorted())
    }
}
