import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 9: one finding per root cause.
struct RootCauseTests {
    /// Flows of one notice that rely on public task and never name the law (BLMK's general bases).
    static func notice(flows: [String], extra: String = "", alsoListed: [String] = []) -> String {
        let declarations = flows.map { id in
            """
            flow \(id) trust -> icb "Casework \(id)" {
              data sus
              level identifiable
              purpose complaints
              role controller
              art6 e
              art9 h
              sch1 part1 para2
              confidentiality explicit-consent
            }

            """
        }.joined()
        return ModelCheck.organisations + declarations + extra + """
        notice n "ICB privacy notice" {
          controller icb
          flows \((flows + alsoListed).joined(separator: ", "))
        }
        """
    }

    @Test func oneMissingSentenceOfANoticeIsOneEntryListingEveryFlow() throws {
        let findings = ModelCheck.findings(Self.notice(flows: ["a", "b", "c"])).filter { $0.code == "FG008" }
        #expect(findings.map(\.target) == ["a", "b", "c"], "every flow keeps its own finding")
        let groups = FindingGroups.build(findings)
        let group = try #require(groups.first)
        #expect(groups.count == 1 && group.kind == .sameReason && group.members.count == 3)
        #expect(group.severity == .warning && group.lead.code == "FG008")
        #expect(group.lead.message.contains("3 flows described by notice `n`: `a`, `b`, `c`"))
        #expect(group.lead.related.map(\.message) == ["also `b`", "also `c`"])
        // Members keep the fingerprints baselines and waivers name.
        #expect(Set(group.members.map(\.fingerprint)) == Set(findings.map(\.fingerprint)))
        #expect(!findings.map(\.fingerprint).contains(group.fingerprint))
    }

    @Test func aGroupsFingerprintIsStableAsFlowsJoinIt() throws {
        let three = FindingGroups.build(ModelCheck.findings(Self.notice(flows: ["a", "b", "c"])).filter { $0.code == "FG008" })
        let four = FindingGroups.build(ModelCheck.findings(Self.notice(flows: ["a", "b", "c", "d"])).filter { $0.code == "FG008" })
        #expect(three.count == 1 && four.count == 1 && three[0].fingerprint == four[0].fingerprint)
        #expect(four[0].members.count == 4)
    }

    @Test func differentReasonsAreNotGrouped() {
        let extra = """
        flow z trust -> icb "Casework on a vague citation" {
          data sus
          level identifiable
          purpose complaints
          role controller
          art6 e "statutory basis"
          art9 h
          sch1 part1 para2
          confidentiality explicit-consent
        }

        """
        let groups = FindingGroups.build(ModelCheck.findings(Self.notice(flows: ["a", "b"], extra: extra, alsoListed: ["z"])).filter { $0.code == "FG008" })
        #expect(groups.count == 2)
        #expect(groups.first { $0.kind == .sameReason }?.members.map(\.target) == ["a", "b"])
        #expect(groups.first { $0.kind == .single }?.lead.target == "z")
    }

    @Test func aSingleFailureIsNotDressedAsAGroup() throws {
        let groups = FindingGroups.build(ModelCheck.findings(Self.notice(flows: ["a"])).filter { $0.code == "FG008" })
        let group = try #require(groups.first)
        #expect(groups.count == 1 && group.kind == .single && group.lead.message.hasPrefix("`a` (trust -> icb) relies on Art 6(1)(e)"))
    }

    /// SUS declared pseudonymised on its way to an ICB, with no step that de-identified it.
    static let understated = ModelCheck.organisations + """
    flow collection trust -> nhs-england "SUS submission" {
      data sus
      level identifiable
      purpose mandated-collection
      role controller
      art6 c hsca-s259
      art9 h
      sch1 part1 para2
      confidentiality statutory hsca-s259
    }

    flow f nhs-england -> icb "SUS said to be pseudonymised" {
      data sus
      level pseudonymised
      purpose commissioning, audit
      role controller
      art6 e "NHS Act 2006 s14Z"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-2-03a
    }
    """

    @Test func whatAnUnsupportedLevelClaimCausesIsListedUnderIt() throws {
        let findings = ModelCheck.findings(Self.understated).filter { $0.target == "f" }
        let root = try #require(findings.first { $0.code == "FG019" && $0.discriminator == "understated" })
        let commissioner = try #require(findings.first { $0.code == "FG022" }, "the commissioner rule reads the supported level")
        #expect(commissioner.cause == root.reference)
        let groups = FindingGroups.build(findings.sorted())
        let entry = try #require(groups.first { $0.lead.code == "FG019" })
        #expect(Set(entry.consequences.map(\.code)).isSuperset(of: ["FG015", "FG020", "FG022"]), "\(entry.consequences.map(\.code))")
        #expect(entry.severity == .error)
        #expect(!groups.contains { $0.lead.code == "FG022" }, "not reported a second time")
        // Findings that hold at the claimed level too are not consequences.
        let independent = findings.filter { $0.cause == nil && $0.code != "FG019" }
        #expect(independent.allSatisfy { groups.map(\.lead.fingerprint).contains($0.fingerprint) })
    }

    @Test func aClaimPassedOnIsListedUnderTheDeliveryThatMadeIt() throws {
        let findings = ModelCheck.findings(Self.understated + """

        flow g icb -> council "The same SUS, passed on as pseudonymised" {
          data sus
          level pseudonymised
          purpose commissioning
          role controller
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-2-03a
        }
        """)
        let root = try #require(findings.first { $0.code == "FG019" && $0.target == "f" })
        let passedOn = try #require(findings.first { $0.code == "FG019" && $0.target == "g" })
        #expect(passedOn.cause == root.reference)
        let groups = FindingGroups.build(findings.sorted())
        let entry = try #require(groups.first { $0.lead.fingerprint == root.fingerprint })
        #expect(entry.consequences.contains(passedOn))
        #expect(!groups.contains { $0.lead.code == "FG019" && $0.lead.target == "g" })
        // What g's own claim causes follows the chain to the first claim.
        let gConsequences = findings.filter { $0.target == "g" && $0.cause == passedOn.reference }
        #expect(gConsequences.allSatisfy { entry.consequences.contains($0) })
    }

    @Test func aConsequenceWhoseRootIsNotReportedStandsAlone() throws {
        let findings = ModelCheck.findings(Self.understated).filter { $0.target == "f" && $0.code != "FG019" }
        let groups = FindingGroups.build(findings.sorted())
        #expect(groups.contains { $0.lead.code == "FG022" && $0.consequences.isEmpty })
        #expect(groups.count == findings.count)
    }

    @Test func aTransformsLevelClaimIsTheRootOfTheFlowsThatRepeatIt() throws {
        let findings = ModelCheck.findings(ModelCheck.organisations + """
        at nhs-england anonymise sus -> sus-anon "Said to be anonymised" {
          identifiers date-of-birth, postcode
        }

        flow f nhs-england -> icb "SUS, said to be anonymised" {
          data sus-anon
          level anonymised
          purpose commissioning
          role controller
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
        }
        """)
        let root = try #require(findings.first { $0.code == "FG019" && $0.discriminator == "unsupported-level" })
        #expect(root.target == "sus-anon")
        let consequences = findings.filter { $0.cause == root.reference }
        #expect(consequences.contains { $0.code == "FG022" && $0.target == "f" })
        let entry = try #require(FindingGroups.build(findings.sorted()).first { $0.lead.fingerprint == root.fingerprint })
        #expect(entry.consequences.map(\.fingerprint).sorted() == consequences.map(\.fingerprint).sorted())
    }
}
