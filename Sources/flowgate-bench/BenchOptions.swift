import Foundation

/// flowgate-bench's command line: DIR [--repeat N] [--per-rule] [--load-only] [--verify-planted | --no-verify-planted].
struct BenchOptions {
    static let usage = "usage: flowgate-bench DIR [--repeat N] [--per-rule] [--load-only] [--verify-planted | --no-verify-planted]\n"

    var directory = ""
    var repeats = 3
    var perRule = false
    /// Stop after loading: for profiling the front end without analysis and rules in the samples.
    var loadOnly = false
    /// Compare the findings with DIR/planted.json. Defaults to on when the file exists, so a bench
    /// run on a generated estate always says whether the rules found what was planted.
    var verifyPlanted: Bool?

    static func parse(_ arguments: [String]) -> BenchOptions? {
        var options = BenchOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--per-rule": options.perRule = true
            case "--load-only": options.loadOnly = true
            case "--verify-planted": options.verifyPlanted = true
            case "--no-verify-planted": options.verifyPlanted = false
            case "--repeat":
                guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else { return nil }
                options.repeats = value
            default:
                guard options.directory.isEmpty, !argument.hasPrefix("-") else { return nil }
                options.directory = argument
            }
        }
        return options.directory.isEmpty ? nil : options
    }

    var manifestPath: String { URL(fileURLWithPath: directory).appendingPathComponent("planted.json").path }

    var shouldVerify: Bool { !loadOnly && (verifyPlanted ?? FileManager.default.fileExists(atPath: manifestPath)) }
}
