import Testing

@testable import FlowRules

struct FG008Tests {
    @Test func branches() {
        #expect(RulesATestSupport.triggering("FG008", 1) == ["vague/warning"])
        #expect(RulesATestSupport.triggering("FG008", 2) == ["missing/warning"])
    }

    @Test func citationsThatNameALaw() {
        for citation in ["NHS Act 2006 s14Z", "Care Act s42", "Children Act", "HSCA s259", "GPES Directions", "Local Audit and Accountability Act 2014 Part 6", "COPI reg 3(4) notice", "University Royal Charter"] {
            #expect(FG008.namesLaw(citation), "\(citation)")
        }
        for citation in ["statutory basis", "public task", "legal duty", "required by law", "statutory"] {
            #expect(!FG008.namesLaw(citation), "\(citation)")
        }
    }
}
