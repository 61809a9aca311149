import FlowLanguage
import FlowModel
import FlowRules
import FlowWorkspace
import Testing

@Suite("flowgate.toml")
struct WorkspaceFileTests {
    static let file = """
    # two models
    as-of = 2026-11-23

    [models.north]
    paths = ["flows/north", "shared/north-extra.flow"]
    diagrams = "diagrams/north"

    [models.north.rules]
    FG031 = { disabled = true, reason = "retention lives in the records schedule" }
    FG026 = { severity = "info" }

    [models.north.settings]
    suppress-below = 10
    unknown-ndoo-status = "exempt"
    commissioner-identifiable-channels = ["invoice-validation"]

    [models.south]
    paths = "./flows/south/"
    """

    @Test func readsModelsRulesSettingsAndDate() throws {
        let workspace = try WorkspaceManifest.parse(Self.file, file: "flowgate.toml")
        #expect(workspace.asOf == Day(year: 2026, month: 11, day: 23))
        #expect(workspace.models.map(\.name) == ["north", "south"])
        let north = try #require(workspace.model(named: "north"))
        #expect(north.paths == ["flows/north", "shared/north-extra.flow"])
        #expect(north.diagrams == "diagrams/north")
        #expect(workspace.model(named: "south")?.paths == ["flows/south"])
        #expect(north.rules.sorted.map(\.code) == ["FG026", "FG031"])
        #expect(north.rules.rules["FG031"]?.action == .disable)
        #expect(north.rules.rules["FG031"]?.location == WorkspaceLocation(file: "flowgate.toml", line: 9, column: 1))
        #expect(north.rules.rules["FG026"]?.action == .severity(.info))
        let settings = north.settings.applied(to: ModelSettings())
        #expect(settings.minimumSuppressBelow == 10)
        #expect(settings.minimumRounding == ModelSettings().minimumRounding)
        #expect(settings.unknownNDOOStatusApplies == false)
        #expect(settings.commissionerIdentifiableChannels == [.invoiceValidation])
    }

    @Test func pathsSelectTheModelsThatHoldThem() throws {
        let workspace = try WorkspaceManifest.parse(Self.file, file: "flowgate.toml")
        #expect(workspace.select(["flows"]).models.map(\.name) == ["north", "south"])
        #expect(workspace.select(["."]).models.map(\.name) == ["north", "south"])
        #expect(workspace.select(["flows/south/a.flow", "flows/south/b.flow"]).models.map(\.name) == ["south"])
        #expect(workspace.select(["shared/north-extra.flow"]).models.map(\.name) == ["north"])
        let elsewhere = workspace.select(["flows/southern", "other/x.flow"])
        #expect(elsewhere.models.isEmpty)
        #expect(elsewhere.outside == ["flows/southern", "other/x.flow"])
    }

    /// Every mistake is an error at the line that makes it.
    @Test(arguments: [
        ("as-of = 2026-11-23\n[models.a]\npaths = [\"x\"\n", 3, "not valid TOML"),
        ("as-of = \"23/11/2026\"\n[models.a]\npaths = [\"x\"]\n", 1, "date written YYYY-MM-DD"),
        ("[models.a]\npaths = [\"x\"]\ndiagram = \"d\"\n", 3, "unknown key `diagram`"),
        ("[models.a]\ndiagrams = \"d\"\n", 1, "has no `paths`"),
        ("[models.a]\npaths = [\"../elsewhere\"]\n", 2, "inside the workspace"),
        ("[models.a]\npaths = [\"x\"]\n\n[models.a.rules]\nFG999 = { severity = \"info\" }\n", 5, "`FG999` is not a rule code"),
        ("[models.a]\npaths = [\"x\"]\n[models.a.rules]\nFG101 = { severity = \"info\" }\n", 4, "language errors FG1nn cannot be configured"),
        ("[models.a]\npaths = [\"x\"]\n[models.a.rules]\nFG031 = { disabled = true }\n", 4, "needs a `reason`"),
        ("[models.a]\npaths = [\"x\"]\n[models.a.rules]\nFG031 = { severity = \"fatal\" }\n", 4, "must be \"error\", \"warning\" or \"info\""),
        ("[models.a]\npaths = [\"x\"]\n[models.a.settings]\nround-to = 0\n", 4, "from 1 to 1000"),
        ("[models.a]\npaths = [\"flows\"]\n[models.b]\npaths = [\"flows/b\"]\n", 4, "share files"),
        ("as-of = 2026-11-23\n", 1, "lists no models"),
    ])
    func mistakesAreLocated(text: String, line: Int, message: String) {
        #expect {
            _ = try WorkspaceManifest.parse(text, file: "ws/flowgate.toml")
        } throws: { error in
            guard let error = error as? WorkspaceError else { return false }
            return error.location.file == "ws/flowgate.toml" && error.location.line == line && error.message.contains(message)
        }
    }

    @Test func disabledRulesAreDroppedAndCountedAndSeveritiesReplaced() throws {
        let workspace = try WorkspaceManifest.parse(Self.file, file: "flowgate.toml")
        let rules = try #require(workspace.model(named: "north")).rules
        func finding(_ code: String, _ target: String) -> Finding {
            Finding(code: code, slug: "slug", severity: .warning, message: "m", span: SourceSpan(path: "a.flow", start: 0, end: 1), target: target)
        }
        let configured = rules.apply(to: [finding("FG031", "a"), finding("FG026", "b"), finding("FG008", "c"), finding("FG031", "d")])
        #expect(configured.findings.map(\.code) == ["FG026", "FG008"])
        #expect(configured.findings.map(\.severity) == [.info, .warning])
        #expect(configured.findings[0].fingerprint == finding("FG026", "b").fingerprint)
        #expect(configured.settings.map(\.setting.code) == ["FG026", "FG031"])
        #expect(configured.settings.map(\.suppressed) == [0, 2])
        #expect(configured.settings[1].setting.summary == "FG031 disabled: retention lives in the records schedule")
    }
}
