import FlowLSP
import FlowModel
import Foundation

// Diagnostics-after-edit latency of the language server: opens FILE (its model is the workspace
// model that holds it, as in an editor), then makes N edits to it — each appends a comment line
// to the original text — and times each edit from the `didChange` arriving to the model's
// diagnostics having been written (to /dev/null). Prints the first check and the edits' median,
// 90th percentile and maximum in milliseconds, how many files each edit parsed, and the median
// time of loading the model and of analysis and rules.
//
//   flowgate-lsp-bench FILE [--edits N]

let usage = "usage: flowgate-lsp-bench FILE [--edits N]\n"
var arguments = CommandLine.arguments.dropFirst()
var file: String?
var edits = 50
while let argument = arguments.popFirst() {
    if argument == "--edits", let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 {
        edits = value
    } else if file == nil, !argument.hasPrefix("-") {
        file = argument
    } else {
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
}
guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
let path = PathArithmetic.normalise(file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file)
let uri = URL(fileURLWithPath: path).absoluteString
let sink = open("/dev/null", O_WRONLY)
let server = LanguageServer(output: sink, libraryFolder: nil, asOf: Day(iso: "2026-11-23")!)

/// Milliseconds from handing the message over to the edited models' diagnostics written.
@MainActor func send(_ message: [String: Any]) -> Double {
    let body = Array(try! JSONSerialization.data(withJSONObject: message))
    let start = DispatchTime.now().uptimeNanoseconds
    _ = server.handle(body)
    server.checkEditedModels()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

_ = send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": [String: Any]()])
let opened = send(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": uri, "languageId": "flow", "version": 1, "text": text]]])
let filesInModel = server.parsedOnLastCheck
var times: [Double] = []
var loads: [Double] = []
var rules: [Double] = []
var parsed: Set<Int> = []
for number in 1...edits {
    let edited = text + "\n# edit \(number)\n"
    times.append(send(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
        "textDocument": ["uri": uri, "version": number + 1], "contentChanges": [["text": edited]],
    ]]))
    parsed.insert(server.parsedOnLastCheck)
    loads.append(server.lastCheckTimes.load)
    rules.append(server.lastCheckTimes.rules)
}
@MainActor func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let medianLoad = median(loads)
let medianRules = median(rules)
times.sort()
@MainActor func percentile(_ fraction: Double) -> Double { times[min(times.count - 1, Int((Double(times.count) * fraction).rounded(.up)) - 1)] }
print(String(format: "open (first check, %d files parsed): %.1f ms", filesInModel, opened))
print(String(format: "%d edits: median %.1f ms, p90 %.1f ms, max %.1f ms; files parsed per edit: %@", edits, percentile(0.5), percentile(0.9), times.last ?? 0,
             parsed.sorted().map(String.init).joined(separator: ", ")))
print(String(format: "of which (medians): load %.1f ms (the edited file parsed, the model resolved), analysis and rules %.1f ms", medianLoad, medianRules))
