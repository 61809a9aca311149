import FlowModel
import Testing

@testable import FlowRules

/// Issue "seed notices" item 7: FG018's evidence shows both branches meeting at the link — the GP
/// extract with the objection applied, SUS without it — and says in plain words where it is lost.
struct OptOutLossEvidenceTests {
    static let model = ModelCheck.organisations + """
    org gp "Riverside Surgery" {
      kind gp-practice
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    org supplier "Risk stratification supplier" {
      kind supplier
      processor-for icb
    }

    opt-out objection "Local risk stratification objection" {
      kind programme
      recorded-at gp
      purposes risk-stratification-case-finding
    }

    flow sus-feed trust -> supplier "SUS for risk stratification" {
      data sus
      level identifiable
      purpose risk-stratification-case-finding
      role processor
      art6 e "NHS Act 2006 s14Z"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-7-04a
    }

    flow gp-feed gp -> supplier "GP extract with the objection applied" {
      data gp-extract
      level identifiable
      purpose risk-stratification-case-finding
      role processor
      art6 e "NHS Act 2006 s14Z"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-7-04a
      applies objection
    }

    at supplier link sus, gp-extract -> linked "Linked for scoring" {
      purpose risk-stratification-case-finding
    }

    flow scores supplier -> gp "Risk scores" {
      data linked
      level identifiable
      purpose risk-stratification-case-finding
      role controller
      art6 e "NHS Act 2006 s14Z"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-7-04a
    }
    """

    @Test func bothBranchesMeetAtTheLink() throws {
        let finding = try #require(ModelCheck.findings(Self.model).first { $0.code == "FG018" && $0.target == "scores" })
        let witness = try #require(finding.witness)
        // The path follows the input without the objection ...
        #expect(witness.hops.map(\.id) == ["sus-feed", "linked", "scores"])
        #expect(witness.hops.allSatisfy { !$0.filters.contains("objection") })
        // ... and the input that carried it joins at the link.
        let branch = try #require(witness.branches.first)
        #expect(witness.branches.count == 1 && branch.joinsAt == 1)
        #expect(branch.hops.map(\.id) == ["gp-feed"] && branch.hops[0].filters == ["objection"])
        // In plain words, at the link.
        let note = try #require(finding.related.first { $0.message.contains("is lost at the link") })
        #expect(note.message == "the opt-out `objection` is lost at the link at `supplier`: `gp-extract` carries it but `sus` does not, and a merge keeps an opt-out only when every input it could apply to carries it")
    }

    @Test func aPathWithNoMergeHasNoBranches() {
        let witnesses = ModelCheck.findings(Self.model).compactMap(\.witness).filter { $0.hops.allSatisfy { $0.kind == .flow } }
        #expect(!witnesses.isEmpty)
        #expect(witnesses.allSatisfy { $0.branches.isEmpty })
    }
}
