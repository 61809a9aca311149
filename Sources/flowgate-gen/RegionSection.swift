/// regions.flow: one section per ICB. The ICB's DSCRO links the SUS+ of the trusts in its area and
/// pseudonymises it twice with keys only the DSCRO holds — for commissioning (released to the CSU
/// under an NHS England DSA, which turns it into trend information and the ICB into published
/// statistics) and at NHS-number level for risk stratification (released to the ICB's supplier).
/// The ICB's contracts, DSAs, DPIA and privacy notice cover the practice chains too.
struct RegionSection {
    let size: EstateSize

    func write(icb: Int, to out: inout FlowText) {
        let region = size.region(icb)
        let (name, dscro, csu, supplier) = (region.icbName, region.dscroName, region.csuName, region.supplierName)
        let linked = "\(name)-sus"
        let pseudonymised = "\(name)-sus-p"
        let trends = "\(name)-trends"
        let statistics = "\(name)-statistics"
        let dsa = "\(name)-dsa"
        let riskDSA = "\(name)-rs-dsa"
        let allPurposes = [Name.commissioning, Name.riskStratification, Name.riskCommissioning, Name.invoiceValidation, Name.publication]

        out.comment("ICB \(icb)")
        out.block("org \(name) \"NHS Integrated Care Board \(icb)\"", [
            "kind icb",
            "public-authority yes",
            "ods \"Q\(icb + 100)\"",
            "dspt standards-met \(EstateDates.dsptYear)",
            "apd yes",
            "confidentiality-duty yes",
            "valid-from 2022-07-01",
            "dpo \"Head of Information Governance, ICB \(icb)\"",
        ])
        out.block("key \(name)-key \"DSCRO commissioning key for ICB \(icb)\"", ["held-by \(dscro)"])
        out.block("key \(name)-rs-key \"DSCRO risk-stratification key for ICB \(icb)\"", ["held-by \(dscro)"])

        let inputs = size.trusts(inICB: icb).map(Name.filteredSUS).joined(separator: ", ")
        out.block("at \(dscro) link \(inputs) -> \(linked) \"Linked SUS+ for ICB \(icb)\"", [
            "purpose \(Name.commissioning), \(Name.riskStratification)",
        ])
        out.block("at \(dscro) pseudonymise \(linked) -> \(pseudonymised) \"Pseudonymised commissioning data, ICB \(icb)\"", [
            "key \(name)-key",
            "identifiers pseudonym, age, partial-postcode",
        ])
        out.block("at \(dscro) pseudonymise \(linked) -> \(Name.riskSUS(icb)) \"SUS+ at NHS-number level for risk stratification, ICB \(icb)\"", [
            "key \(name)-rs-key",
            "level pseudonymised-weak",
            "identifiers nhs-number",
        ])
        out.block("at \(csu) anonymise \(pseudonymised) -> \(trends) \"Commissioning trend information, ICB \(icb)\"", [
            "level anonymised-in-context",
            "assessment \"CSU anonymisation assessment (ICO motivated-intruder test)\"",
        ])
        out.block("at \(name) aggregate \(trends) -> \(statistics) \"Published activity statistics, ICB \(icb)\"", [
            "suppress-below 8",
            "round-to 5",
        ])

        out.block("agreement \(dsa) \"NHS England DSA: pseudonymised commissioning data, ICB \(icb)\"", [
            "kind nhse-dsa",
            "reference \"DARS-NIC-\(String(100_000 + icb))-GEN\"",
            "parties \(Name.nhsEngland), \(name)",
            "datasets \(pseudonymised)",
            "purposes \(Name.commissioning)",
            "valid-from \(EstateDates.agreementsFrom)",
            "valid-until \(EstateDates.agreementsUntil)",
            "next-review \(EstateDates.agreementsReview)",
            "sublicensing no",
            "retention \"Destroyed within 30 days of the agreement ending\"",
        ])
        // Risk scores go back to the patients' registered practices, which CAG 7-04(a)/2013 provides for.
        out.block("agreement \(riskDSA) \"NHS England DSA: risk stratification, ICB \(icb)\"", [
            "kind nhse-dsa",
            "reference \"DARS-NIC-\(String(200_000 + icb))-GEN\"",
            "parties \(Name.nhsEngland), \(name)",
            "datasets \(Name.riskSUS(icb))",
            "purposes \(Name.riskStratification)",
            "valid-from \(EstateDates.agreementsFrom)",
            "valid-until \(EstateDates.agreementsUntil)",
            "next-review \(EstateDates.agreementsReview)",
            "sublicensing yes",
            "description \"Risk scores may be returned to each patient's registered practice.\"",
        ])
        processorContract(Name.csuContract(icb), "ICB \(icb) data processing contract with the CSU", icb: icb, processor: csu,
                          purposes: [Name.commissioning, Name.invoiceValidation], &out)
        processorContract(Name.riskContract(icb), "ICB \(icb) risk stratification processing contract", icb: icb, processor: supplier,
                          purposes: [Name.riskStratification, Name.riskCommissioning], &out)
        out.block("dpia \(Name.icbDPIA(icb)) \"DPIA: commissioning, risk stratification and invoice validation, ICB \(icb)\"", [
            "controller \(name)",
            "purposes \(allPurposes.dropLast().joined(separator: ", "))",
            "completed \(EstateDates.dpiaCompleted)",
            "next-review \(EstateDates.dpiaReview)",
            "signed-off-by \"Data Protection Officer\", \"Caldicott Guardian\", \"SIRO\"",
        ])
        out.block("notice \(name)-notice \"ICB \(icb) privacy notice\"", [
            "controller \(name)",
            "purposes \(allPurposes.joined(separator: ", "))",
            "reviewed 2026-06-01",
            "url \"https://icb-\(icb).example/privacy\"",
        ])

        let law = "e \"NHS Act 2006 s14Z\""
        out.flow("\(name)-commissioning", dscro, csu, "Pseudonymised commissioning data", FlowProperties(
            data: pseudonymised, level: "pseudonymised", purpose: Name.commissioning, role: "processor", art6: law,
            confidentiality: "s251-reg5 \(Name.commissioningApproval)", agreements: [dsa, Name.csuContract(icb)],
            dpia: Name.icbDPIA(icb), retention: "\"For the term of the DSA\" destroy", frequency: "monthly"
        ))
        out.flow("\(name)-trends-report", csu, name, "Trend information for commissioners", .statistics(
            data: trends, level: "anonymised-in-context", purpose: Name.commissioning, agreement: Name.csuContract(icb),
            other: ["assessment \"CSU anonymisation assessment (ICO motivated-intruder test)\""], frequency: "monthly"
        ))
        out.flow("\(name)-publication", name, Name.publicAudience, "Published activity statistics", .statistics(
            data: statistics, purpose: Name.publication, agreement: nil,
            other: ["suppress-below 8", "round-to 5", "assessment \"Disclosure control to ISB 1523\""], frequency: "quarterly"
        ))
        // NHS-number level data is identifiable to the supplier, which links it with GP extracts.
        out.flow("\(name)-rs-sus", dscro, supplier, "SUS+ at NHS-number level for risk stratification", FlowProperties(
            data: Name.riskSUS(icb), level: "identifiable", purpose: Name.riskStratification, role: "processor", art6: law,
            confidentiality: "s251-reg5 \(Name.riskApproval)", agreements: [riskDSA, Name.riskContract(icb)],
            dpia: Name.icbDPIA(icb), retention: "\"Replaced by each monthly refresh\" delete", frequency: "monthly"
        ))
    }

    private func processorContract(_ id: String, _ title: String, icb: Int, processor: String, purposes: [String], _ out: inout FlowText) {
        out.block("contract \(id) \"\(title)\"", [
            "controller \(Name.icb(icb))",
            "processor \(processor)",
            "purposes \(purposes.joined(separator: ", "))",
            "valid-from \(EstateDates.agreementsFrom)",
            "valid-until \(EstateDates.agreementsUntil)",
            "confidentiality-clause yes",
            "sub-processing none",
        ])
    }
}
