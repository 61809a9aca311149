import FlowModel
import Testing

@testable import FlowRules

/// Item 6 of "Sound verdicts": a boundary's promises are checked against the flows that leave it.
struct BoundaryPromiseTests {
    static let model = ModelCheck.organisations + """
    org supplier "Analytics supplier" {
      kind supplier
      processor-for icb
      confidentiality-duty yes
    }

    boundary cef "Controlled environment for finance" {
      kind controlled-environment-for-finance
      contains icb
      promise identifiable-data-does-not-leave
    }

    flow iv trust -> icb "Invoice backing data" {
      data sus
      level identifiable
      purpose invoice-validation
      role controller
      art6 e nhs-act-s3
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-7-07
    }

    at icb pseudonymise sus -> sus-nhs-number {
      key icb-key
      level pseudonymised-weak
      identifiers nhs-number
    }

    key icb-key "ICB key" {
      held-by icb
    }

    flow out icb -> supplier "NHS-number backing data for analysis" {
      data sus-nhs-number
      level pseudonymised-weak
      purpose invoice-validation
      role processor
      art6 e nhs-act-s3
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-7-07
    }
    """

    @Test func nhsNumberDataLeavingAControlledEnvironmentIsAnError() {
        let findings = ModelCheck.findings(Self.model).filter { $0.code == "FG040" }
        #expect(findings.map { "\($0.target) \($0.discriminator) \($0.severity.rawValue)" } == ["out cef error"])
        #expect(findings.first?.message.contains("`identifiable-data-does-not-leave`") == true)
        #expect(findings.first?.message.contains("boundary `cef`") == true)
    }

    @Test func theRecipientInsideTheBoundaryKeepsThePromise() {
        let inside = Self.model.replacingOccurrences(of: "  contains icb\n", with: "  contains icb, supplier\n")
        #expect(ModelCheck.findings(inside).filter { $0.code == "FG040" }.isEmpty)
    }

    @Test func anEnclosingBoundarysPromiseBindsNestedMembers() {
        let nested = Self.model.replacingOccurrences(of: """
        boundary cef "Controlled environment for finance" {
          kind controlled-environment-for-finance
          contains icb
          promise identifiable-data-does-not-leave
        }
        """, with: """
        boundary estate "The ICB" {
          promise personal-data-does-not-leave
          boundary cef "Controlled environment for finance" {
            kind controlled-environment-for-finance
            contains icb
          }
        }
        """)
        let findings = ModelCheck.findings(nested).filter { $0.code == "FG040" }
        #expect(findings.map { "\($0.target) \($0.discriminator)" } == ["out estate"])
        #expect(findings.first?.message.contains("`personal-data-does-not-leave`") == true)
    }
}
