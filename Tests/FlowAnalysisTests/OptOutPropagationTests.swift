import FlowAnalysis
import FlowModel
import Testing

struct OptOutPropagationTests {
    @Test func filterThenMergeWithUnfilteredDataIsUnfiltered() throws {
        let analysis = try analyse(commonDeclarations + """
        flow f1 trust -> dscro "Filtered" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5; applies ndoo }
        flow f2 nhs-england -> dscro "Unfiltered" { data sus; level identifiable; purpose collection; confidentiality statutory s259 }
        flow f3 dscro -> researcher "Onward" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        """)
        #expect(analysis.optOuts.arrivingFilters[try analysis.flow("f1")] == ["ndoo"])
        // dscro holds sus from a filtered and an unfiltered source: the merge is unfiltered.
        #expect(analysis.filters(at: "dscro", "sus").isEmpty)
        let onward = try analysis.flow("f3")
        #expect(analysis.requirements.requirement(flow: onward, optOut: "ndoo")?.isRequired == true)
        #expect(!analysis.optOuts.arrivingFilters[onward].contains("ndoo"))
    }

    @Test func filterAppliedUpstreamTravelsWithTheData() throws {
        let analysis = try analyse(commonDeclarations + """
        flow f1 trust -> dscro "Filtered" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5; applies ndoo }
        flow f2 dscro -> researcher "Onward" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        """)
        #expect(analysis.optOuts.arrivingFilters[try analysis.flow("f2")] == ["ndoo"])
    }

    @Test func cyclesTerminateAndKeepOnlyFiltersEveryPathApplies() throws {
        let analysis = try analyse(commonDeclarations + """
        flow f1 trust -> dscro "In" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5; applies ndoo }
        flow f2 dscro -> icb "Round" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5; applies type1 }
        flow f3 icb -> dscro "And back" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        """)
        // dscro's copy comes from trust (ndoo) and from icb (ndoo+type1): only ndoo is certain.
        #expect(analysis.filters(at: "dscro", "sus") == ["ndoo"])
        #expect(analysis.filters(at: "icb", "sus") == ["ndoo", "type1"])
    }

    @Test func aCycleWithNoVisibleOriginIsTreatedAsUnfiltered() throws {
        let analysis = try analyse("""
        org a "A" { kind trust }
        org b "B" { kind trust }
        dataset d "D" { origin england-health }
        purpose research "Research" { category research }
        flow f1 a -> b "There" { data d; level identifiable; purpose research; applies ndoo }
        flow f2 b -> a "Back" { data d; level identifiable; purpose research }
        """)
        #expect(analysis.filters(at: "a", "d").isEmpty)
        #expect(analysis.filters(at: "b", "d") == ["ndoo"])
    }

    @Test func exemptCollectionThenOnwardSecondaryUseMustFilter() throws {
        let analysis = try analyse(commonDeclarations + """
        flow collect trust -> nhs-england "Mandated collection" { data sus; level identifiable; purpose collection; confidentiality statutory s259 }
        flow onward nhs-england -> researcher "Research extract" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        """)
        let collect = try analysis.flow("collect")
        let onward = try analysis.flow("onward")
        #expect(analysis.requirements.requirement(flow: collect, optOut: "ndoo")?.isRequired == false)
        #expect(analysis.optOuts.arrivingFilters[collect].isEmpty)
        #expect(analysis.requirements.requirement(flow: onward, optOut: "ndoo")?.isRequired == true)
        #expect(!analysis.optOuts.arrivingFilters[onward].contains("ndoo"))
    }

    @Test func anonymisationEndsTheRequirementAndReidentificationByLinkageRestartsIt() throws {
        let analysis = try analyse(commonDeclarations + """
        at trust anonymise sus -> sus-anon
        flow anon trust -> researcher "Anonymised" { data sus-anon; level anonymised; purpose research; confidentiality s251-reg5 reg5 }
        key rkey "Researcher key" { held-by researcher }
        at researcher link sus-anon, gpx -> relinked { level identifiable; identifiers nhs-number }
        flow gpin gp -> researcher "GP data" { data gpx; level identifiable; purpose research; confidentiality s251-reg5 reg5; applies ndoo, type1 }
        flow out researcher -> icb "Re-identified onward" { data relinked; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        """)
        #expect(analysis.requirements.requirement(flow: try analysis.flow("anon"), optOut: "ndoo")?.isRequired == false)
        let out = try analysis.flow("out")
        #expect(analysis.requirements.requirement(flow: out, optOut: "ndoo")?.isRequired == true)
        // The linked output merges unfiltered anonymised data with the filtered GP data: unfiltered.
        #expect(!analysis.optOuts.arrivingFilters[out].contains("ndoo"))
    }

    @Test func aFilterTransformAppliesItsOptOuts() throws {
        let analysis = try analyse(commonDeclarations + """
        at trust filter sus -> sus-clean { opt-out ndoo }
        flow f1 trust -> researcher "Clean" { data sus-clean; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        """)
        #expect(analysis.optOuts.arrivingFilters[try analysis.flow("f1")] == ["ndoo"])
    }

    @Test func type1IsRequiredWhenIdentifiableGPDataLeavesThePractice() throws {
        let analysis = try analyse(commonDeclarations + """
        flow gpout gp -> proc "RS extract" { data gpx; level identifiable; purpose rs; confidentiality s251-reg5 reg5 }
        flow care gp -> trust "Referral" { data gpx; level identifiable; purpose collection; confidentiality statutory s259 }
        """)
        #expect(analysis.requirements.requirement(flow: try analysis.flow("gpout"), optOut: "type1")?.isRequired == true)
        let care = try #require(analysis.requirements.requirement(flow: try analysis.flow("care"), optOut: "type1"))
        #expect(care.isRequired)
        #expect(!care.isPolicyDependent)
    }

    @Test func ndooDoesNotApplyToChildrensSocialCareOrOutsideEngland() throws {
        let analysis = try analyse(commonDeclarations + """
        dataset csc "Children's social care" { origin childrens-social-care; source trust }
        flow f1 trust -> researcher "CSC" { data csc; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        """)
        #expect(analysis.requirements.requirement(flow: try analysis.flow("f1"), optOut: "ndoo")?.isRequired == false)
    }
}
