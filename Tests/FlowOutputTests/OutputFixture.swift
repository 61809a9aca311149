import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRules

/// A small model with a chain (trust → DSCRO → supplier) and three kinds of finding, split over
/// two files so that locations name both.
enum OutputFixture {
    static let organisations = """
    use std

    org trust "Example Hospital NHS Trust" {
      kind trust
      public-authority yes
    }

    org supplier "Risk stratification supplier" {
      kind supplier
      processor-for trust
    }

    org dscro "DSCRO" {
      kind dscro
    }

    dataset sus "SUS+" {
      origin england-health
      special-category health
      identifiers nhs-number
      source trust
    }

    purpose rs "Risk stratification" {
      category risk-stratification-case-finding
    }

    approval cag-7-04a "Risk stratification" {
      reference "CAG 7-04(a)/2013"
      regulation 5
      ndoo applies
    }

    """

    static let flows = """
    flow f1 trust -> dscro "SUS+ to the DSCRO" {
      data sus
      level identifiable
      purpose rs
      art6 e "NHS Act 2006 s14Z"
      art9 h
      confidentiality s251-reg5 cag-7-04a
    }

    flow f2 dscro -> supplier "SUS+ for \\"risk\\" scores" {
      data sus
      level identifiable
      purpose rs
      art9 h
    }

    waiver FG001 f2 {
      justification "Basis agreed, paperwork pending"
      owner "Head of IG"
      reference "RISK-7"
      expires 2027-03-31
    }

    """

    static let rules = [RuleCatalog.rule("FG001")!, RuleCatalog.rule("FG009")!, RuleCatalog.rule("FG015")!]
    static let asOf = Day(year: 2026, month: 11, day: 23)!

    static func report(files: [String: String]? = nil) -> CheckReport {
        let provider = InMemorySourceProvider(files ?? ["model/a-organisations.flow": organisations, "model/b-flows.flow": flows])
        let loaded = ModelLoader.load(paths: ["model"], provider: provider)
        let result = loaded.model.map { RuleEngine.run(Analysis(model: $0), asOf: asOf, rules: rules) }
        return CheckReport(
            diagnostics: loaded.diagnostics, findings: result?.findings ?? [], waived: result?.waived ?? [],
            baselined: 0, sources: loaded.sources, asOf: asOf, modelName: loaded.model?.name
        )
    }
}
