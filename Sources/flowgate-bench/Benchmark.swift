import FlowAnalysis
import FlowIO
import FlowLanguage
import FlowModel
import FlowRules
import Foundation

/// Times each stage of `flowgate check` over a directory (normally a generated estate) and
/// reports peak memory. Usage: flowgate-bench DIR [--repeat N] [--per-rule]
@main
enum Benchmark {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let perRule = arguments.contains("--per-rule")
        arguments.removeAll { $0 == "--per-rule" }
        var repeats = 3
        if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count {
            repeats = Int(arguments[index + 1]) ?? 3
            arguments.removeSubrange(index...(index + 1))
        }
        guard let directory = arguments.first else {
            FileHandle.standardError.write(Data("usage: flowgate-bench DIR [--repeat N] [--per-rule]\n".utf8))
            exit(2)
        }
        let asOf = Day(year: 2026, month: 11, day: 23)!
        var rows: [String: [Double]] = [:]
        var flows = 0
        var findings = 0
        var codes: [String: Int] = [:]
        for _ in 0..<repeats {
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
            rows["parse", default: []].append(seconds(clock.now - start))
            start = clock.now
            let loaded = ModelLoader.load(paths: [directory], provider: provider)
            rows["load (read+parse+resolve)", default: []].append(seconds(clock.now - start))
            guard let model = loaded.model else {
                FileHandle.standardError.write(Data("model is invalid: \(loaded.diagnostics.count) diagnostics, first: \(loaded.diagnostics.first?.message ?? "")\n".utf8))
                exit(2)
            }
            flows = model.flows.count
            start = clock.now
            let analysis = Analysis(model: model)
            rows["analysis", default: []].append(seconds(clock.now - start))
            start = clock.now
            if perRule {
                for rule in RuleCatalog.all {
                    let ruleStart = clock.now
                    _ = rule.findings(in: analysis, asOf: asOf)
                    rows["rule \(rule.code)", default: []].append(seconds(clock.now - ruleStart))
                }
                start = clock.now
            }
            let result = RuleEngine.run(analysis, asOf: asOf)
            rows["rules (all, with waivers)", default: []].append(seconds(clock.now - start))
            findings = result.findings.count
            codes = Dictionary(grouping: result.findings, by: \.code).mapValues(\.count)
        }
        print("flows: \(flows)  findings: \(findings)  peak RSS: \(peakResidentMegabytes()) MB")
        for (name, values) in rows.sorted(by: { $0.key < $1.key }) {
            let sorted = values.sorted()
            print(String(format: "%-28@ median %8.3f s   min %8.3f s", name as NSString, sorted[sorted.count / 2], sorted[0]))
        }
        print("findings by code: " + codes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// VmHWM from /proc/self/status (Linux), in megabytes.
    static func peakResidentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes / 1024
        }
        return -1
    }
}
