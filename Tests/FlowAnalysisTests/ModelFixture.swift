import FlowAnalysis

import FlowModel
import Testing

/// Loads `.flow` text (with `use std` available) into an analysis, failing the test on any error.
func analyse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Analysis {
    let provider = InMemorySourceProvider(["model/model.flow": "use std\n" + text])
    let loaded = ModelLoader.load(paths: ["model"], provider: provider)
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map { "\($0.code) \($0.message)" })", sourceLocation: sourceLocation)
    let model = try #require(loaded.model, sourceLocation: sourceLocation)
    return Analysis(model: model)
}

extension Analysis {
    func filters(at organisation: String, _ dataset: String) -> Set<String> {
        optOuts.filtersAt[Holding(organisation, dataset)] ?? []
    }

    func flow(_ id: String) throws -> Int {
        try #require(flowIndex(id))
    }
}

/// Organisations, datasets and purposes shared by the propagation tests.
let commonDeclarations = """
org trust "Trust" { kind trust }
org gp "GP" { kind gp-practice }
org dscro "DSCRO" { kind dscro }
org icb "ICB" { kind icb }
org proc "Processor" { kind supplier; processor-for icb }
org researcher "Researcher" { kind research-body }
dataset sus "SUS" { origin england-health; special-category health; identifiers nhs-number, postcode; source trust }
dataset gpx "GP extract" { origin gp-record; special-category health; identifiers nhs-number; source gp }
purpose research "Research" { category research }
purpose collection "Collection" { category mandated-collection }
purpose rs "Risk stratification" { category risk-stratification-case-finding }
purpose commissioning "Commissioning" { category commissioning-planning }
gateway s259 "s259" { kind statute; citation "HSCA 2012 s259" }
approval reg5 "Approval" { regulation 5; ndoo applies }

"""
