import Foundation
import Testing

/// flowgate.toml: two models in one repository, each checked, rendered and reported on its own;
/// the pre-commit hook's `check --changed` checks only the model a change touches; per-model rule
/// settings take effect and are shown; a bad workspace file is an error at its line, exit 2.
@Suite("Workspaces")
struct WorkspaceCommandTests {
    /// The same names in both models (as two ICBs' models would have): loaded as one model they
    /// are duplicate declarations, so each model must be loaded on its own.
    static func model(_ prefix: String) -> String {
        """
        use std
        org a "\(prefix) Trust" { kind trust; public-authority yes }
        org b "\(prefix) Company" { kind other }
        dataset d "\(prefix) staff list" { origin non-health; identifiers name; subjects staff; source a }
        purpose p "\(prefix) payroll" { category processing-support }
        flow f1 a -> b "\(prefix) staff names" { data d; level identifiable; purpose p; art6 e }
        """
    }

    static let workspace = """
    as-of = 2026-11-23

    [models.north]
    paths = ["models/north"]
    diagrams = "diagrams/north"

    [models.south]
    paths = ["models/south"]
    diagrams = "diagrams/south"
    """

    static func repository(_ toml: String = workspace) throws -> URL {
        try temporaryDirectory([
            "flowgate.toml": toml,
            "models/north/m.flow": model("North"),
            "models/south/m.flow": model("South"),
        ])
    }

    @Test func eachModelIsCheckedOnItsOwnAndLabelled() throws {
        let repository = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let check = try Flowgate.run(["check", "--as-of", "2026-11-23"], in: repository)
        #expect(check.status == 0, "\(check.output)\(check.error)")
        #expect(!check.output.contains("FG120"), "the models were loaded as one")
        let north = try #require(check.output.range(of: "== north (models/north) =="))
        let south = try #require(check.output.range(of: "== south (models/south) =="))
        #expect(north.upperBound < south.lowerBound)
        let northSection = check.output[north.upperBound..<south.lowerBound]
        #expect(northSection.contains("models/north/m.flow:6:1: warning[FG026]"))
        #expect(!northSection.contains("models/south"))
        #expect(check.output[south.upperBound...].contains("models/south/m.flow:6:1: warning[FG026]"))

        // A path picks the model that holds it; from inside a model's folder too.
        let one = try Flowgate.run(["check", "models/south/m.flow", "--as-of", "2026-11-23"], in: repository)
        #expect(one.output.hasPrefix("== south (models/south) =="))
        #expect(!one.output.contains("north"))
        let inside = try Flowgate.run(["check", "--as-of", "2026-11-23"], in: repository.appendingPathComponent("models/north"))
        #expect(inside.output.contains("== north (.) =="), "\(inside.output)")
        #expect(inside.output.contains("== south (../south) =="))

        let sarif = try Flowgate.run(["check", "--format", "sarif", "--as-of", "2026-11-23"], in: repository)
        #expect(sarif.output.contains("\"id\": \"north/\""))
        #expect(sarif.output.contains("\"id\": \"south/\""))
        let json = try Flowgate.run(["check", "--format", "json", "--as-of", "2026-11-23"], in: repository)
        #expect(json.output.contains("\"models\": ["))
        #expect(json.output.contains("\"workspaceModel\": \"south\""))
    }

    /// What the pre-commit hook runs: only the model whose file changed.
    @Test func theHookChecksOnlyTheChangedModel() throws {
        let repository = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let hook = try Flowgate.run(["check", "--changed", "models/south/m.flow", "--as-of", "2026-11-23"], in: repository)
        #expect(hook.output.contains("== south (models/south) =="))
        #expect(!hook.output.contains("north"), "\(hook.output)")
        // A consumer's `args: [flows/]`-style directory is passed over in a workspace.
        let withArgs = try Flowgate.run(["check", "--changed", "models", "models/north/m.flow", "--as-of", "2026-11-23"], in: repository)
        #expect(withArgs.output.contains("== north"))
        #expect(!withArgs.output.contains("== south"))
    }

    @Test func eachModelIsRenderedAndReportedOnItsOwn() throws {
        let repository = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let render = try Flowgate.run(["render"], in: repository)
        #expect(render.status == 0, "\(render.error)")
        for model in ["north", "south"] {
            let svg = try String(contentsOf: repository.appendingPathComponent("diagrams/\(model)/overview.svg"), encoding: .utf8)
            #expect(svg.contains("as of 2026&#45;11&#45;23"), "drawn as of the workspace's date")
            #expect(svg.contains(model == "north" ? "North Trust" : "South Trust"))
            #expect(!svg.contains(model == "north" ? "South Trust" : "North Trust"))
        }
        #expect(try Flowgate.run(["render", "--check"], in: repository).status == 0)
        try Self.model("Southern").write(to: repository.appendingPathComponent("models/south/m.flow"), atomically: true, encoding: .utf8)
        let stale = try Flowgate.run(["render", "--check"], in: repository)
        #expect(stale.status == 1)
        #expect(stale.output.contains("stale: diagrams/south/overview.svg"))
        #expect(!stale.output.contains("stale: diagrams/north"))

        let ropa = try Flowgate.run(["report", "ropa", "--format", "md"], in: repository)
        let north = try #require(ropa.output.range(of: "== north (models/north) =="))
        let south = try #require(ropa.output.range(of: "== south (models/south) =="))
        #expect(ropa.output[north.upperBound..<south.lowerBound].contains("North payroll"))
        #expect(!ropa.output[north.upperBound..<south.lowerBound].contains("Southern"))
        #expect(ropa.output[south.upperBound...].contains("Southern payroll"))
        // One file takes one model.
        #expect(try Flowgate.run(["report", "ropa", "-o", "ropa.csv"], in: repository).status == 2)
        let file = try Flowgate.run(["report", "ropa", "models/north", "-o", "ropa.csv"], in: repository)
        #expect(file.status == 0)
        #expect(try String(contentsOf: repository.appendingPathComponent("ropa.csv"), encoding: .utf8).contains("North payroll"))
    }

    @Test func aSeverityOverrideAndADisabledRuleTakeEffectAndAreShown() throws {
        let toml = Self.workspace + """

        [models.north.rules]
        FG031 = { disabled = true, reason = "retention is in the trust's records schedule" }
        FG008 = { severity = "error", reason = "every public task must name its law here" }
        """
        let repository = try Self.repository(toml)
        defer { try? FileManager.default.removeItem(at: repository) }
        let before = try Flowgate.run(["check", "models/south", "--as-of", "2026-11-23"], in: repository)
        #expect(before.output.contains("warning[FG031]"))
        #expect(before.status == 0)

        let check = try Flowgate.run(["check", "models/north", "--as-of", "2026-11-23"], in: repository)
        #expect(check.status == 1, "FG008 is an error in north")
        #expect(check.output.contains("error[FG008]"))
        #expect(!check.output.contains("warning[FG008]"))
        #expect(!check.output.contains("[FG031]"))
        #expect(check.output.contains("flowgate.toml:11:1: FG031 disabled: retention is in the trust's records schedule (1 finding not shown)"))
        #expect(check.output.contains("flowgate.toml:12:1: FG008 reported as error: every public task must name its law here"))
        #expect(check.output.contains("1 from disabled rules"))

        let sarif = try Flowgate.run(["check", "models/north", "--format", "sarif", "--as-of", "2026-11-23"], in: repository)
        #expect(sarif.output.contains("\"ruleConfigurationOverrides\""))
        #expect(sarif.output.contains("\"enabled\": false"))
        #expect(sarif.output.contains("\"reason\": \"retention is in the trust's records schedule\""))
        #expect(!sarif.output.contains("\"ruleId\": \"FG031\""))
        let json = try Flowgate.run(["check", "models/north", "--format", "json", "--as-of", "2026-11-23"], in: repository)
        #expect(json.output.contains("\"findingsNotShown\": 1"))
    }

    @Test func diffComparesEachModelOnItsOwn() throws {
        let repository = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repository) }
        let git = URL(fileURLWithPath: "/usr/bin/env")
        for arguments in [["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "base"]] {
            let result = try Flowgate.run(["git"] + arguments, in: repository, executable: git)
            #expect(result.status == 0, "git \(arguments): \(result.error)")
        }
        try (Self.model("South") + "\nflow f2 a -> b \"South second\" { data d; level identifiable; purpose p; art6 e }\n")
            .write(to: repository.appendingPathComponent("models/south/m.flow"), atomically: true, encoding: .utf8)
        let diff = try Flowgate.run(["diff", "HEAD", "--as-of", "2026-11-23"], in: repository)
        #expect(diff.status == 0, "\(diff.error)")
        let north = try #require(diff.output.range(of: "== north (models/north) =="))
        let south = try #require(diff.output.range(of: "== south (models/south) =="))
        #expect(diff.output[north.upperBound..<south.lowerBound].contains("No changes"))
        #expect(diff.output[south.upperBound...].contains("f2"))
        let json = try Flowgate.run(["diff", "HEAD", "--format", "json", "--as-of", "2026-11-23"], in: repository)
        #expect(json.output.contains("\"workspaceModel\": \"south\""))
    }

    /// `[models.NAME.settings]` replaces the model's own `model { }` settings, one by one.
    @Test func modelSettingsInTheWorkspaceTakeEffect() throws {
        let aggregate = """
        use std
        model "Counts" { suppress-below 8 }
        org a "A Trust" { kind trust; public-authority yes }
        org b "B ICB" { kind icb; public-authority yes }
        dataset s "Staff counts" { origin non-health; level aggregate; source a }
        purpose p "Payroll" { category processing-support }
        flow f1 a -> b "Staff counts" { data s; level aggregate; purpose p; suppress-below 8; round-to 5 }
        """
        let plain = "[models.counts]\npaths = [\"counts\"]\n"
        let repository = try temporaryDirectory(["flowgate.toml": plain, "counts/m.flow": aggregate])
        defer { try? FileManager.default.removeItem(at: repository) }
        let before = try Flowgate.run(["check", "--as-of", "2026-11-23"], in: repository)
        #expect(!before.output.contains("[FG023]"), "\(before.output)")
        try (plain + "[models.counts.settings]\nsuppress-below = 10\n")
            .write(to: repository.appendingPathComponent("flowgate.toml"), atomically: true, encoding: .utf8)
        let after = try Flowgate.run(["check", "--as-of", "2026-11-23"], in: repository)
        #expect(after.output.contains("[FG023]"), "a threshold of 8 is below the workspace's 10: \(after.output)")
    }

    @Test(arguments: [
        ("[models.north]\npaths = [\"models/north\"]\n\n[models.north.rules]\nFG999 = { severity = \"info\" }\n",
         "flowgate.toml:5:1: error: `FG999` is not a rule code"),
        ("[models.north]\npaths = [\"models/north\"\n", "flowgate.toml:2:25: error: not valid TOML"),
        ("[models.north]\npaths = [\"models/north\"]\ndiagram = \"x\"\n", "flowgate.toml:3:1: error: unknown key `diagram`"),
    ])
    func aBadWorkspaceFileIsALocatedErrorAndExitsTwo(toml: String, error: String) throws {
        let repository = try Self.repository(toml)
        defer { try? FileManager.default.removeItem(at: repository) }
        for command in [["check"], ["render"], ["report", "expiries"], ["trace", "a"]] {
            let result = try Flowgate.run(command, in: repository)
            #expect(result.status == 2, "\(command)")
            #expect(result.error.contains(error), "\(command): \(result.error)")
        }
    }
}
