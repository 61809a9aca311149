import FlowAnalysis
import FlowLanguage
import FlowModel

/// R34: gate confusion — consent used in the wrong layer.
enum FG034 {
    static let rule = Rule(
        code: "FG034",
        slug: "consent-gate-confusion",
        severity: .info,
        legalSource: "UK GDPR Arts 6(1)(a), 7 and 9(2)(a), Recital 43 (imbalance of power); ICO guidance on consent and on public task; common law duty of confidentiality",
        summary: "UK GDPR consent is relied on by a public authority for a statutory function, or consent is recorded in only one of the two layers.",
        explanation: """
        "Consent" means two different things. Consent under the common law duty of confidentiality \
        (`confidentiality explicit-consent`) lets confidential information be shared; UK GDPR consent \
        (`art6 a`, `art9 a`) is a lawful basis that must be freely given and can be withdrawn at any \
        time. The ICO's view is that public authorities should rarely rely on UK GDPR consent for their \
        tasks: the imbalance of power means it is seldom freely given, and withdrawal would stop the \
        service. The usual pattern for casework such as continuing healthcare or individual funding \
        requests is `art6 e`, `art9 h` and `sch1 part1 para2` for UK GDPR, with explicit consent for \
        the duty of confidentiality.

        Two situations are reported:
        1. a public authority relying on the flow (the sender, or for data from individuals the \
        recipient, as FG007 reads it; and for casework it runs on referrals — continuing healthcare, \
        individual funding requests — the recipient, whatever the referring clinician records) records `art6 a` or `art9 a` for a purpose that is one \
        of its statutory functions. Warning when Art 6 consent is the only Art 6 basis recorded, info \
        when only the Art 9 condition is consent. Patient and public involvement (mailing lists, \
        participation groups) is left alone: consent is the fitting basis there. Mark other purposes \
        outside the authority's tasks with `statutory-function no`.
        2. consent recorded in one layer only (info): `confidentiality explicit-consent` with no Art 6 \
        basis for personal data, or `art6 a`/`art9 a` with no confidentiality basis for confidential \
        patient information disclosed by an organisation (a patient handing over their own \
        information needs no confidentiality basis). FG001 and FG009 report the missing gate itself; this finding names the \
        likely confusion.

        Fix: give each gate its own answer — e.g. `art6 e "NHS Act 2006 s3"`, `art9 h`, `sch1 part1 \
        para2` and `confidentiality explicit-consent` for consent-based casework.
        """,
        triggeringExamples: [
            """
            org patient "Patient" {
              kind individual
            }

            purpose chc "Continuing healthcare assessment" {
              category continuing-healthcare
            }

            dataset chc-file "CHC assessment file" {
              origin england-health
              special-category health
              identifiers nhs-number, name, address
              subjects patients
              source patient
            }

            flow patient -> icb "CHC application" {
              data chc-file
              level identifiable
              purpose chc
              art6 a
              art9 a
              confidentiality explicit-consent
            }
            """,
            """
            purpose ifr "Individual funding request" {
              category individual-funding-requests
            }

            flow gp -> icb "IFR on explicit consent" {
              data gp-extract
              level identifiable
              purpose ifr
              art6 e "NHS Act 2006 s3"
              art9 a
              confidentiality explicit-consent
            }
            """,
            """
            flow gp -> university "Consented research cohort" {
              data gp-extract
              level identifiable
              purpose research
              art9 j
              sch1 part1 para4
              confidentiality explicit-consent
            }
            """,
        ],
        passingExamples: [
            """
            org patient "Patient" {
              kind individual
            }

            purpose chc "Continuing healthcare assessment" {
              category continuing-healthcare
            }

            dataset chc-file "CHC assessment file" {
              origin england-health
              special-category health
              identifiers nhs-number, name, address
              subjects patients
              source patient
            }

            flow patient -> icb "CHC application" {
              data chc-file
              level identifiable
              purpose chc
              art6 e "NHS Act 2006 s3"
              art9 h
              sch1 part1 para2
              confidentiality explicit-consent
            }
            """,
            """
            org patient "Patient" {
              kind individual
            }

            purpose involvement "Patient and public involvement" {
              category patient-involvement
            }

            dataset contacts "Involvement mailing list" {
              origin non-health
              identifiers name, email
              subjects members-of-the-public
              source patient
            }

            flow patient -> icb "Joining the mailing list" {
              data contacts
              level identifiable
              purpose involvement
              art6 a
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let analysis = collector.analysis
        let columns = FlowColumns.shared(by: collector)
        for (index, flow) in collector.flows where columns.carriesPersonalData[index] {
            let gdprConsent = columns.article6Bases[index] == .a || flow.article9Conditions.contains(.a)
            if gdprConsent {
                var authorities = FG004.relyingControllers(of: flow, in: model).filter(FG007.isPublicAuthority)
                // Inbound casework: the clinician who refers records the consent, but the recipient
                // runs the statutory casework it is for.
                if isInboundCasework(flow, in: model), let recipient = model.organisations[flow.to.name],
                   FG007.isPublicAuthority(recipient), !authorities.contains(where: { $0.id == recipient.id }) {
                    authorities.append(recipient)
                }
                let tasks = flow.purposes.compactMap { model.purposes[$0.name] }
                    .filter { $0.isStatutoryFunction && $0.category != .patientInvolvement }
                if !authorities.isEmpty, !tasks.isEmpty {
                    let onlyConsent = flow.article6?.basis == .a
                    var layers: [String] = []
                    if onlyConsent { layers.append("Art 6(1)(a) consent as its only Art 6 basis") }
                    if flow.article9Conditions.contains(.a) { layers.append("Art 9(2)(a) explicit consent") }
                    collector.report(
                        flow: index,
                        "\(collector.label(flow)) relies on \(layers.joined(separator: " and ")), but \(authorities.map { "`\($0.id)`" }.joined(separator: ", ")) is a public authority acting on a statutory function (\(tasks.map { "`\($0.id)`" }.joined(separator: ", ")))",
                        discriminator: "public-authority", severity: onlyConsent ? .warning : .info,
                        help: "use the authority's own basis, e.g. `art6 e \"NHS Act 2006 s3\"`, `art9 h`, `sch1 part1 para2`, and keep consent where it belongs: `confidentiality explicit-consent`",
                        at: onlyConsent ? flow.article6?.span : flow.article9Span
                    )
                }
            }
            if columns.confidentialityBases[index] == .explicitConsent, columns.article6Bases[index] == nil {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) records consent only for the duty of confidentiality: explicit consent lifts the duty but is not a UK GDPR lawful basis",
                    discriminator: "one-layer",
                    help: "record the UK GDPR basis as well, e.g. `art6 e \"law giving the function\"` (and `art9` with its Schedule 1 condition)"
                )
            } else if gdprConsent, columns.confidentialityBases[index] == nil, flow.from.name != flow.to.name,
                      model.organisations[flow.from.name]?.kind != .individual,
                      model.datasets[flow.dataset.name].map(Analysis.isPatientInformation) == true,
                      columns.carriesConfidentialInformation[index] {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) records consent only under UK GDPR: the duty of confidentiality needs its own basis",
                    discriminator: "one-layer",
                    help: "record the confidentiality basis as well, e.g. `confidentiality explicit-consent`"
                )
            }
        }
    }

    /// Casework a public body runs on referrals: continuing healthcare, individual funding requests.
    static func isInboundCasework(_ flow: Flow, in model: SemanticModel) -> Bool {
        flow.role != .processor && flow.purposes.contains { purpose in
            let category = model.purposes[purpose.name]?.category
            return category == .continuingHealthcare || category == .individualFundingRequests
        }
    }
}
