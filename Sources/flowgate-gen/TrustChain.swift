/// One acute trust's chain (five flows): the mandated SUS+ submission to NHS England, which removes
/// National Data Opt-outs and passes SUS+ to the ICB's DSCRO for commissioning and for risk
/// stratification; and invoice backing data to the CSU's controlled environment for finance, which
/// returns validated totals to the ICB. Its discharge summaries reach practices in PracticeChain.
struct TrustChain {
    let size: EstateSize

    func write(trust: Int, to out: inout FlowText) {
        let name = Name.trust(trust)
        let region = size.region(size.icb(ofTrust: trust))
        let icb = region.icb
        let (dscro, csu) = (region.dscroName, region.csuName)
        let sus = Name.sus(trust)
        let backing = "\(name)-iv"

        out.block("org \(name) \"NHS Trust \(trust)\"", [
            "kind trust",
            "public-authority yes",
            "ods \"R\(String(trust + 1000))\"",
            "dspt standards-met \(EstateDates.dsptYear)",
            "confidentiality-duty yes",
            "dpo \"Data Protection Officer, trust \(trust)\"",
        ])
        dataset(sus, "SUS+ commissioning data sets, trust \(trust)", identifiers: "nhs-number, date-of-birth, postcode, local-id", source: name, &out)
        dataset(Name.discharges(trust), "Discharge summaries, trust \(trust)", identifiers: "nhs-number, name, date-of-birth, address", source: name, &out)
        dataset(backing, "Invoice backing data, trust \(trust)", identifiers: "nhs-number, postcode", source: name, &out)
        out.block("dpia \(Name.careDPIA(trust)) \"DPIA: electronic referrals and discharge summaries, trust \(trust)\"", [
            "controller \(name)",
            "purposes \(Name.care)",
            "completed \(EstateDates.dpiaCompleted)",
            "next-review \(EstateDates.dpiaReview)",
        ])

        out.flow("\(name)-sus", name, Name.nhsEngland, "SUS+ submission", FlowProperties(
            data: sus, level: "identifiable", purpose: Name.collection, role: "controller", art6: "c \(Name.s259)",
            confidentiality: "statutory \(Name.s259)",
            retention: "\"Kept by NHS England under its records retention schedule\" review", frequency: "monthly"
        ))
        out.block("at \(Name.nhsEngland) filter \(sus) -> \(Name.filteredSUS(trust)) \"SUS+ without National Data Opt-outs, trust \(trust)\"", [
            "opt-out ndoo",
        ])
        for (suffix, title, purpose, approval) in [
            ("dscro", "SUS+ to the DSCRO for commissioning", Name.commissioning, Name.commissioningApproval),
            ("dscro-rs", "SUS+ to the DSCRO for risk stratification", Name.riskStratification, Name.riskApproval),
        ] {
            out.flow("\(name)-\(suffix)", Name.nhsEngland, dscro, title, FlowProperties(
                data: Name.filteredSUS(trust), level: "identifiable", purpose: purpose, role: "processor",
                art6: "e \"Health and Social Care Act 2012 s254 and s261\"", confidentiality: "s251-reg5 \(approval)",
                agreements: [Name.dscroContract(region.dscro)], dpia: Name.nationalDPIA,
                retention: "\"Deleted once linked and pseudonymised, within 30 days\" delete", frequency: "monthly"
            ))
        }
        out.flow("\(name)-iv-submission", name, csu, "Invoice backing data for validation", FlowProperties(
            data: backing, level: "identifiable", purpose: Name.invoiceValidation, role: "processor", art6: "e \"NHS Act 2006 s14Z\"",
            confidentiality: "s251-reg5 \(Name.invoiceApproval)", agreements: [Name.csuContract(icb)], dpia: Name.icbDPIA(icb),
            other: ["needs postcode"], retention: "\"Until the invoice is validated\" delete", frequency: "monthly"
        ))
        out.block("at \(csu) aggregate \(backing) -> \(backing)-totals \"Validated invoice totals, trust \(trust)\"", [
            "suppress-below 8",
            "round-to 5",
        ])
        out.flow("\(name)-iv-return", csu, region.icbName, "Validated invoice totals", .statistics(
            data: "\(backing)-totals", purpose: Name.invoiceValidation, agreement: Name.csuContract(icb), frequency: "monthly"
        ))
    }

    private func dataset(_ name: String, _ title: String, identifiers: String, source: String, _ out: inout FlowText) {
        out.block("dataset \(name) \"\(title)\"", [
            "origin england-health",
            "special-category health",
            "identifiers \(identifiers)",
            "subjects patients",
            "source \(source)",
        ])
    }
}
