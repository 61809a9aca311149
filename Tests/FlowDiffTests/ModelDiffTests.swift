import FlowDiff
import FlowModel
import Foundation
import Testing

/// Loads one in-memory file as a model (failing the test if it does not resolve).
func side(_ label: String, _ text: String, file: String = "flows/m.flow") throws -> DiffSide {
    let loaded = ModelLoader.load(paths: ["flows"], provider: InMemorySourceProvider([file: text]))
    let messages = loaded.diagnostics.map { "\($0.code) \($0.message)" }
    let model = try #require(loaded.model, "model does not resolve: \(messages)")
    return DiffSide(label: label, model: model, asOf: Day(year: 2026, month: 1, day: 1)!)
}

enum Models {
    static let declarations = """
    use std
    org a "A Trust" { kind trust; public-authority yes }
    org b "B ICB" { kind icb; public-authority yes }
    org c "C Analytics Ltd" { kind supplier }
    dataset n "Staff list" { origin non-health; identifiers name; subjects staff; source a }
    dataset s "Staff counts" { origin non-health; level aggregate; source a }
    dataset h "Clinic list" { origin england-health; special-category health; identifiers nhs-number; source a }
    dataset hs "Clinic counts" { origin england-health; special-category health; level aggregate; source a }
    purpose p "Payroll" { category processing-support }

    """

    static let f1 = #"flow f1 a -> b "Payroll" { data n; level identifiable; purpose p; art6 e "Local Government Act 1972 s111"; retention "6 years" destroy }"#
    static let f2 = #"flow f2 a -> b "Staff" { data s; level aggregate; purpose p; suppress-below 8; round-to 5 }"#
    static let base = declarations + f1 + "\n" + f2 + "\n"
}

struct ModelDiffTests {
    @Test func identicalModelsHaveNoDifferences() throws {
        let diff = ModelDiff.compare(try side("old", Models.base), try side("new", Models.base))
        #expect(diff.isEmpty)
        #expect(diff.unchanged.map(\.id) == ["f1", "f2"])
        #expect(DiffText.document(diff).contains("No changes to flows, recipients or findings."))
    }

    @Test func movingAndReformattingChangesNothing() throws {
        let reordered = Models.declarations + """
        # moved, reformatted and split over lines
        flow f2 a -> b "Staff" {
          data s
          level aggregate
          purpose p
          round-to 5
          suppress-below 8
        }

        flow   f1 a -> b "Payroll" { purpose p; data n; level identifiable; retention "6 years" destroy; art6 e "Local Government Act 1972 s111" }
        """
        let diff = ModelDiff.compare(try side("old", Models.base), try side("new", reordered, file: "flows/other.flow"))
        #expect(!diff.hasFlowChanges)
        #expect(diff.newFindings.isEmpty && diff.resolvedFindings.isEmpty)
    }

    /// Adding a second Art 9 condition is a change: every condition is compared, not the first.
    @Test func aSecondArticle9ConditionIsAChange() throws {
        let flow = #"flow f4 a -> b "Clinic list" { data h; level identifiable; purpose p; art6 e "Law"; art9 h; sch1 part1 para2 }"#
        let old = Models.declarations + flow + "\n"
        let new = Models.declarations + flow.replacingOccurrences(of: "art9 h;", with: "art9 h, b;") + "\n"
        let diff = ModelDiff.compare(try side("old", old), try side("new", new))
        let changes = try #require(diff.changed.first).changes
        let article9 = try #require(changes.first { $0.attribute == "art9" })
        #expect(article9.before == "h" && article9.after == "h, b")
    }

    @Test func addedRemovedAndChangedFlowsByID() throws {
        let new = Models.declarations + """
        flow f1 a -> b "Payroll" { data n; level identifiable; purpose p; role processor; art6 e "NHS Act 2006 s14Z"; retention "6 years" destroy }
        flow f3 a -> b "New" { data s; level aggregate; purpose p }
        """
        let diff = ModelDiff.compare(try side("HEAD", Models.base), try side("working tree", new))
        #expect(diff.added.map(\.id) == ["f3"])
        #expect(diff.removed.map(\.id) == ["f2"])
        #expect(diff.changed.map(\.id) == ["f1"])
        let changes = try #require(diff.changed.first).changes
        #expect(changes.map(\.attribute) == ["role", "art6"])
        #expect(changes[0].before == "" && changes[0].after == "processor")
        #expect(changes[1].before == "e \"Local Government Act 1972 s111\"" && changes[1].after == "e \"NHS Act 2006 s14Z\"")
        #expect(diff.newIdentifiable.isEmpty)  // f1 was identifiable before
        #expect(diff.newRecipients.isEmpty)
        let text = DiffText.document(diff)
        #expect(text.contains("Flows: 1 added, 1 removed, 1 changed"))
        #expect(text.contains("  + f3 (a -> b): s, aggregate \"New\"  flows/m.flow:"))
        #expect(text.contains("  - f2 (a -> b): s, aggregate \"Staff\"  flows/m.flow:"))
        #expect(text.contains("  ~ f1 (a -> b)  flows/m.flow:"))
        #expect(text.contains("      role: (none) → processor"))
    }

    @Test func attributesGoingAndComingAreShownAsNone() throws {
        let new = Models.declarations + """
        flow f1 a -> b "Payroll" { data n; level identifiable; purpose p; art6 e "Local Government Act 1972 s111" }
        flow f2 a -> b "Staff" { data s; level aggregate; purpose p; suppress-below 10; round-to 5; frequency monthly }
        """
        let diff = ModelDiff.compare(try side("old", Models.base), try side("new", new))
        let byID = Dictionary(uniqueKeysWithValues: diff.changed.map { ($0.id, $0.changes) })
        #expect(byID["f1"] == [AttributeChange(attribute: "retention", before: "\"6 years\" destroy", after: "")])
        #expect(byID["f2"]?.map(\.attribute) == ["frequency", "suppress-below"])
        #expect(DiffText.document(diff).contains("      retention: \"6 years\" destroy → (none)"))
        #expect(DiffText.document(diff).contains("      suppress-below: 8 → 10"))
    }

    @Test func newSpecialCategoryAndIdentifiableFlows() throws {
        let new = Models.declarations + """
        flow f1 a -> b "Payroll" { data h; level identifiable; purpose p; art6 e "Local Government Act 1972 s111"; retention "6 years" destroy }
        flow f2 a -> b "Staff" { data n; level identifiable; purpose p; suppress-below 8; round-to 5 }
        flow f4 a -> b "Clinic list" { data h; level identifiable; purpose p; art6 e "Law"; art9 h }
        flow f5 a -> b "Clinic counts" { data hs; level aggregate; purpose p }
        """
        let diff = ModelDiff.compare(try side("old", Models.base), try side("new", new))
        // Aggregate data is not personal data: f5 carries no special-category personal data.
        #expect(diff.newSpecialCategory.map(\.id) == ["f1", "f4"])
        #expect(diff.newIdentifiable.map(\.id) == ["f2", "f4"])
        #expect(diff.changed.first { $0.id == "f1" }?.changes.map(\.attribute) == ["data"])
        let text = DiffText.document(diff)
        #expect(text.contains("New identifiable flows (2):\n  ! f2 (a -> b): n, identifiable"))
        #expect(text.contains("New special-category flows (2):\n  ! f1 (a -> b): h, identifiable \"Payroll\"  flows/m.flow:"))
        #expect(text.contains(" [health]\n"))
    }

    @Test func newRecipientsAreOrganisationsThatReceivedNothingBefore() throws {
        let new = Models.base + """
        flow f5 a -> c "To the supplier" { data s; level aggregate; purpose p }
        flow f6 b -> a "Back" { data s; level aggregate; purpose p }
        flow f7 b -> c "Also to the supplier" { data s; level aggregate; purpose p }
        """
        let diff = ModelDiff.compare(try side("old", Models.base), try side("new", new))
        #expect(diff.newRecipients == [
            NewRecipient(id: "a", title: "A Trust", flows: ["f6"]),
            NewRecipient(id: "c", title: "C Analytics Ltd", flows: ["f5", "f7"]),
        ])
    }

    @Test func findingsAreNewOrResolvedByFingerprint() throws {
        // A flow of health data to a supplier with no bases at all produces errors.
        let broken = "\nflow bad a -> c \"Unlawful\" { data h; level identifiable; purpose p }\n"
        let renamed = "\nflow worse a -> c \"Unlawful\" { data h; level identifiable; purpose p }\n"
        let old = try side("old", Models.base + broken)
        let new = try side("new", Models.base + renamed)
        #expect(!old.findings.isEmpty)
        let diff = ModelDiff.compare(old, new)
        #expect(!diff.newFindings.isEmpty)
        #expect(diff.newFindings.allSatisfy { $0.target == "worse" })
        #expect(diff.resolvedFindings.allSatisfy { $0.target == "bad" })
        #expect(diff.resolvedFindings.count == diff.newFindings.count)
        #expect(Set(diff.newFindings.map(\.fingerprint)).isDisjoint(with: diff.resolvedFindings.map(\.fingerprint)))
        // Errors first.
        #expect(diff.newFindings.first?.severity == .error)
        // Unchanged flows' findings are neither new nor resolved.
        let same = ModelDiff.compare(old, try side("new", Models.base + broken))
        #expect(same.newFindings.isEmpty && same.resolvedFindings.isEmpty)
        let text = DiffText.document(diff)
        #expect(text.contains("Findings: \(diff.newFindings.count) new, \(diff.resolvedFindings.count) resolved"))
        #expect(text.contains("  - old:flows/m.flow:"))
    }

    @Test func anEmptyOldModelMakesEverythingNew() throws {
        let new = try side("new", Models.base)
        let old = DiffSide(label: "old", model: SemanticModel(), asOf: Day(year: 2026, month: 1, day: 1)!)
        let diff = ModelDiff.compare(old, new)
        #expect(diff.added.map(\.id) == ["f1", "f2"])
        #expect(diff.newRecipients.map(\.id) == ["b"])
        #expect(diff.removed.isEmpty && diff.resolvedFindings.isEmpty)
    }

    @Test func derivedFlowIDsCompareByEndpointsDatasetAndPurpose() throws {
        let old = Models.declarations + "flow a -> b { data s; level aggregate; purpose p }\n"
        let new = Models.declarations + "flow a -> b \"Now with a title\" { data s; level aggregate; purpose p }\n"
        let diff = ModelDiff.compare(try side("old", old), try side("new", new))
        #expect(diff.changed.map(\.id) == ["a.b.s.p"])
        #expect(diff.changed.first?.changes.map(\.attribute) == ["title"])
    }
}
