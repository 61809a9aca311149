import FlowAnalysis
import FlowIO
import FlowLanguage
import FlowModel
import FlowRules
import Foundation

/// Times each stage of `flowgate check` over a directory (normally a generated estate), reports peak
/// memory and findings by code, and — for an estate with planted.json — checks that the findings
/// are exactly the planted ones (exit 1 otherwise). See BenchOptions for the command line.
@main
enum Benchmark {
    static func main() throws {
        guard let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
            FileHandle.standardError.write(Data(BenchOptions.usage.utf8))
            exit(2)
        }
        let manifest: PlantedManifest?
        do {
            manifest = options.shouldVerify ? try PlantedManifest(path: options.manifestPath) : nil
        } catch {
            FileHandle.standardError.write(Data("flowgate-bench: \(error)\n".utf8))
            exit(2)
        }
        let asOf = manifest?.asOf ?? Day(year: 2026, month: 11, day: 23)!
        let directory = options.directory
        var rows: [String: [Double]] = [:]
        var flows = 0
        var findings: [Finding] = []
        for _ in 0..<options.repeats {
            let clock = ContinuousClock()
            let provider = FileSystemSourceProvider()
            var start = clock.now
            let files = try provider.flowFiles(under: directory)
            var sources: [SourceFile] = []
            for path in files { sources.append(SourceFile(path: path, bytes: try provider.read(path))) }
            rows["read", default: []].append(seconds(clock.now - start))
            start = clock.now
            var diagnostics = 0
            for source in sources { diagnostics += Parser.parse(source).diagnostics.count }
            rows["parse (syntax only, one core)", default: []].append(seconds(clock.now - start))
            start = clock.now
            var stageEnds: [ModelLoader.Stage: ContinuousClock.Instant] = [:]
            let loaded = ModelLoader.load(paths: [directory], provider: provider) { stageEnds[$0] = clock.now }
            rows["load (read+parse+lower+resolve)", default: []].append(seconds(clock.now - start))
            if let lowered = stageEnds[.lowered], let resolved = stageEnds[.resolved] {
                rows["lower (read+parse+lower)", default: []].append(seconds(lowered - start))
                rows["resolve", default: []].append(seconds(resolved - lowered))
            }
            guard let model = loaded.model else {
                FileHandle.standardError.write(Data("model is invalid: \(loaded.diagnostics.count) diagnostics, first: \(loaded.diagnostics.first?.message ?? "")\n".utf8))
                exit(2)
            }
            flows = model.flows.count
            if options.loadOnly { continue }
            start = clock.now
            let analysis = Analysis(model: model)
            rows["analysis", default: []].append(seconds(clock.now - start))
            if options.perRule {
                for rule in RuleCatalog.all {
                    let ruleStart = clock.now
                    _ = rule.findings(in: analysis, asOf: asOf)
                    rows["rule \(rule.code)", default: []].append(seconds(clock.now - ruleStart))
                }
            }
            start = clock.now
            let result = RuleEngine.run(analysis, asOf: asOf)
            rows["rules (all, with waivers)", default: []].append(seconds(clock.now - start))
            findings = result.findings
        }
        print("flows: \(flows)  findings: \(findings.count)  peak RSS: \(PeakMemory.residentMegabytes()) MB")
        for (name, values) in rows.sorted(by: { $0.key < $1.key }) {
            let sorted = values.sorted()
            // Padded in Swift: `%-28@` does not pad on Linux Foundation.
            let label = name.padding(toLength: max(28, name.count), withPad: " ", startingAt: 0)
            print(label + String(format: " median %8.3f s   min %8.3f s", sorted[sorted.count / 2], sorted[0]))
        }
        let codes = Dictionary(grouping: findings, by: \.code).mapValues(\.count)
        print("findings by code: " + codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        if let manifest {
            let verification = PlantedVerification(manifest: manifest, findings: findings)
            print(verification.report, terminator: "")
            if !verification.passed { exit(1) }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
