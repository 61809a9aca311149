/// Declarations every rule example can use, so examples show only the flows that matter.
/// `flowgate explain --prelude` prints it.
public enum RuleExamplePrelude {
    public static let text = """
    use std

    org trust "Example Hospital NHS Trust" {
      kind trust
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    org gp "Example GP practice" {
      kind gp-practice
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    org dscro "DSCRO" {
      kind dscro
      processor-for nhs-england
      confidentiality-duty yes
    }

    org icb "Example ICB" {
      kind icb
      public-authority yes
      apd yes
      confidentiality-duty yes
    }

    org csu "Commissioning support unit" {
      kind csu
      processor-for icb
      confidentiality-duty yes
    }

    org supplier "Risk stratification supplier" {
      kind supplier
      processor-for icb, gp
      confidentiality-duty yes
    }

    org council "Local authority" {
      kind local-authority
      public-authority yes
      apd yes
    }

    org university "University research team" {
      kind research-body
      public-authority yes
    }

    org insurer "Insurance company" {
      kind other
    }

    dataset sus "SUS+ commissioning data sets" {
      origin england-health
      special-category health
      identifiers nhs-number, postcode, date-of-birth
      subjects patients
      source trust
    }

    dataset gp-extract "GP record extract" {
      origin gp-record
      special-category health
      identifiers nhs-number
      subjects patients
      source gp
    }

    dataset payroll "Payroll records" {
      origin non-health
      identifiers name, staff-number, bank-details
      subjects staff
      source icb
    }

    key dscro-key "DSCRO pseudonymisation key" {
      held-by dscro
    }

    purpose care "Individual care" {
      category individual-care
    }

    purpose collection "Mandated collection" {
      category mandated-collection
    }

    purpose commissioning "Commissioning and planning" {
      category commissioning-planning
    }

    purpose invoice-validation "Invoice validation" {
      category invoice-validation
    }

    purpose risk-stratification "Risk stratification for case finding" {
      category risk-stratification-case-finding
    }

    purpose research "Research" {
      category research
    }

    purpose safeguarding "Safeguarding" {
      category safeguarding
    }

    purpose fraud "Fraud prevention" {
      category fraud-prevention
    }

    purpose publication "Publication" {
      category publication
    }

    gateway hsca-s259 "HSCA 2012 s259" {
      kind statute
      citation "Health and Social Care Act 2012 s259"
      purposes collection
    }

    approval cag-7-04a "Risk stratification" {
      reference "CAG 7-04(a)/2013"
      regulation 5
      purposes risk-stratification
      datasets sus, gp-extract
      controllers gp, icb
      processors supplier, dscro
      ndoo unknown
      valid-until 2030-09-30
      next-review 2030-01-01
    }

    """
}
