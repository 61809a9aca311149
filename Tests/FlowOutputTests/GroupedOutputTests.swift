import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRules
import Foundation
import Testing

/// Root causes in every format: a same-reason group (two flows of one notice never name the law
/// behind public task) and a consequence (SUS declared pseudonymised on its way to an ICB).
struct GroupedOutputTests {
    static let model = """
    use std

    org trust "Example Hospital NHS Trust" {
      kind trust
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    org icb "Example ICB" {
      kind icb
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    flow a trust -> icb "Complaint a" {
      data sus
      level identifiable
      purpose complaints
      role controller
      art6 e
      art9 h
      sch1 part1 para2
      confidentiality explicit-consent
    }

    flow b trust -> icb "Complaint b" {
      data sus
      level identifiable
      purpose complaints
      role controller
      art6 e
      art9 h
      sch1 part1 para2
      confidentiality explicit-consent
    }

    flow f nhs-england -> icb "SUS said to be pseudonymised" {
      data sus
      level pseudonymised
      purpose commissioning
      role controller
      art6 e "NHS Act 2006 s14Z"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-2-03a
    }

    notice n "ICB privacy notice" {
      controller icb
      flows a, b, f
    }

    """
    static let rules = ["FG008", "FG019", "FG022"].compactMap(RuleCatalog.rule)
    static let asOf = Day(year: 2026, month: 11, day: 23)!

    static func report(text: String = model, baseline: Baseline? = nil) throws -> CheckReport {
        let loaded = ModelLoader.load(paths: ["model"], provider: InMemorySourceProvider(["model/model.flow": text]))
        let model = try #require(loaded.model)
        let result = RuleEngine.run(Analysis(model: model), asOf: asOf, rules: rules)
        let findings = result.findings.filter { !(baseline?.fingerprints.contains($0.fingerprint) ?? false) }
        return CheckReport(
            diagnostics: loaded.diagnostics, findings: findings, waived: result.waived,
            baselined: result.findings.count - findings.count, sources: loaded.sources, asOf: asOf, modelName: nil
        )
    }

    @Test func textShowsEachRootCauseOnceAndCountsEntries() throws {
        let report = try Self.report()
        let text = FindingText.document(report)
        #expect(text.contains("warning[FG008]: Art 6(1)(e) public task is relied on without naming the law it rests on (Art 6(3)) — 2 flows described by notice `n`: `a`, `b`"))
        #expect(text.contains("= note: also `b` (model/model.flow:"))
        #expect(text.contains("= follows from this, not counted apart (1):\n     - error[FG022]: commissioner `icb` receives `sus`"))
        #expect(text.components(separatedBy: "error[FG022]").count == 2, "the consequence appears once, under its root")
        #expect(report.findings.count == 4 && report.groups.count == 2)
        #expect(text.hasSuffix("1 error, 1 warning, 4 findings in all, grouped by root cause\n"))
    }

    @Test func jsonKeepsEveryFindingLinkedToItsEntry() throws {
        let report = try Self.report()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(FindingJSON.document(report, toolVersion: "test").utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 2)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(findings.count == 4 && groups.count == 2)
        let group = try #require(groups.first { $0["kind"] as? String == "same-reason" })
        let members = try #require(group["members"] as? [String])
        #expect(members.count == 2)
        for finding in findings where finding["code"] as? String == "FG008" {
            #expect(finding["group"] as? String == group["fingerprint"] as? String)
            #expect(members.contains(finding["fingerprint"] as? String ?? ""))
        }
        let root = try #require(findings.first { $0["code"] as? String == "FG019" })
        let consequence = try #require(findings.first { $0["code"] as? String == "FG022" })
        #expect(consequence["causedBy"] as? String == root["fingerprint"] as? String)
        let rootGroup = try #require(groups.first { $0["code"] as? String == "FG019" })
        #expect(rootGroup["consequences"] as? [String] == [consequence["fingerprint"] as? String ?? ""])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1 && summary["warnings"] as? Int == 1 && summary["findings"] as? Int == 4)
    }

    @Test func sarifKeepsEveryLocationAndPointsAConsequenceAtItsRoot() throws {
        let report = try Self.report()
        let sarif = SARIFReport.document(report, rules: Self.rules, toolVersion: "test")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        let consequence = try #require(results.first { $0["ruleId"] as? String == "FG022" })
        let properties = try #require(consequence["properties"] as? [String: Any])
        let root = try #require(report.findings.first { $0.code == "FG019" })
        #expect(properties["causedBy"] as? String == root.fingerprint)
        let related = try #require(consequence["relatedLocations"] as? [[String: Any]])
        #expect(((related.first?["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("follows from FG019:") == true)
        let grouped = results.filter { ($0["properties"] as? [String: Any])?["group"] != nil }
        #expect(grouped.count == 2 && grouped.allSatisfy { $0["ruleId"] as? String == "FG008" })
    }

    @Test func baselinesAndWaiversStillNameEachFinding() throws {
        let full = try Self.report()
        let first = try #require(full.findings.first { $0.code == "FG008" && $0.target == "a" })
        // A baseline written before grouping holds each finding's own fingerprint.
        let baselined = try Self.report(baseline: Baseline(fingerprints: [first.fingerprint]))
        #expect(baselined.baselined == 1)
        let remaining = try #require(baselined.groups.first { $0.lead.code == "FG008" })
        #expect(remaining.kind == .single && remaining.lead.target == "b")
        // A waiver on one flow accepts that flow's finding only; the other stays reported.
        let waived = try Self.report(text: Self.model + """
        waiver FG008 a {
          justification "The law is named in the DSA"
          owner "Head of IG"
          reference "IG-1"
          expires 2027-03-31
        }
        """)
        #expect(waived.waived.map(\.finding.target) == ["a"])
        #expect(waived.groups.contains { $0.lead.code == "FG008" && $0.kind == .single && $0.lead.target == "b" })
    }
}
