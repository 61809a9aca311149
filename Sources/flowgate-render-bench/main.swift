// Times in-process Graphviz rendering (FlowGraphviz) of DOT files against the `dot` program on the
// same files. Not a test: speed is measured here (scripts/bench-render.sh) and recorded in
// BENCHMARKS.md.
//
//   flowgate-render-bench [--repeat N] [--format svg|png|pdf|dot|json] [--dot-program PATH] [--each] [--output DIR] FILE.dot...
//
// For each file prints one line of `key=value` fields, times in seconds (wall, and CPU = user + sys):
//   first_*  the first render in this process: includes creating the Graphviz context, loading the
//            plugins and the fonts — what one `flowgate render` of one diagram pays;
//   warm_*   the median of N more renders in the same process (N = --repeat, default 5; 0 skips them);
//   dot_*    the median of N runs of `dot -T<format> FILE -o /dev/null` as a child process (skipped
//            with --repeat 0 or when PATH is empty), timed with the same clock.
// `--each` also lists every render's CPU time; `--output DIR` writes each file's first and last
// render to DIR/NAME.first.FORMAT and DIR/NAME.last.FORMAT (to compare them with `dot`'s bytes). Exit status 2 on bad usage or a file Graphviz cannot render.
import FlowGraphviz
import Foundation

struct Usage: Error, CustomStringConvertible {
    var description: String
}

struct Options {
    var repeats = 5
    var format = GraphvizFormat.svg
    var dotProgram = "/usr/bin/dot"
    /// Print every render's time, not only the medians (to see a trend over repeated renders).
    var each = false
    /// Where to write the first and last render of each file, if anywhere.
    var output: String?
    var files: [String] = []
}

func parse(_ arguments: [String]) throws -> Options {
    var options = Options()
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--repeat":
            guard let value = rest.popFirst().flatMap(Int.init), value >= 0 else { throw Usage(description: "--repeat wants a number ≥ 0") }
            options.repeats = value
        case "--format":
            guard let value = rest.popFirst().flatMap(GraphvizFormat.init(rawValue:)) else {
                throw Usage(description: "--format wants svg, png, pdf, dot or json")
            }
            options.format = value
        case "--each":
            options.each = true
        case "--output":
            guard let value = rest.popFirst() else { throw Usage(description: "--output wants a directory") }
            options.output = value
        case "--dot-program":
            guard let value = rest.popFirst() else { throw Usage(description: "--dot-program wants a path") }
            options.dotProgram = value
        default:
            options.files.append(argument)
        }
    }
    guard !options.files.isEmpty else {
        throw Usage(description: "usage: flowgate-render-bench [--repeat N] [--format F] [--dot-program PATH] FILE.dot...")
    }
    return options
}

/// Wall and CPU seconds.
struct Timing {
    var wall: Double
    var cpu: Double
}

/// Times `body`. CPU time is the whole process's, as `dot`'s is: Graphviz's text layout (pango)
/// loads the fonts on a thread of its own during the first render, which the calling thread's
/// clock would leave out.
func measure(_ body: () throws -> Void) rethrows -> Timing {
    func cpuNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    let wall = DispatchTime.now().uptimeNanoseconds
    let cpu = cpuNow()
    try body()
    return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9, cpu: cpuNow() - cpu)
}

/// Runs `program arguments…` with output discarded; wall time and the child's CPU time.
func runProcess(_ program: String, _ arguments: [String]) throws -> Timing {
    var pid: pid_t = 0
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = ProcessInfo.processInfo.environment.map { strdup($0.key + "=" + $0.value) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, program, nil, nil, argv, envp) == 0 else { throw Usage(description: "cannot run \(program)") }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid, status == 0 else { throw Usage(description: "\(program) failed") }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return Timing(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime))
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[(sorted.count - 1) / 2]
}

func fields(_ name: String, _ timings: [Timing]) -> String {
    guard !timings.isEmpty else { return "" }
    return String(format: " %@_wall=%.3f %@_cpu=%.3f", name, median(timings.map(\.wall)), name, median(timings.map(\.cpu)))
}

do {
    let options = try parse(Array(CommandLine.arguments.dropFirst()))
    for file in options.files {
        let dot = try String(contentsOfFile: file, encoding: .utf8)
        var bytes: [UInt8] = []
        let first = try measure { bytes = try GraphvizRenderer.shared.render(dot: dot, format: options.format) }
        var last = bytes
        var warm: [Timing] = []
        var program: [Timing] = []
        for _ in 0..<options.repeats {
            warm.append(try measure { last = try GraphvizRenderer.shared.render(dot: dot, format: options.format) })
            if !options.dotProgram.isEmpty {
                program.append(try runProcess(options.dotProgram, ["-T" + options.format.rawValue, file, "-o", "/dev/null"]))
            }
        }
        if let output = options.output {
            let name = URL(fileURLWithPath: output).appendingPathComponent(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent).path
            try Data(bytes).write(to: URL(fileURLWithPath: name + ".first." + options.format.rawValue))
            try Data(last).write(to: URL(fileURLWithPath: name + ".last." + options.format.rawValue))
        }
        print("file=\(file)" + fields("first", [first]) + fields("warm", warm) + fields("dot", program) + " bytes=\(bytes.count)")
        if options.each {
            print("  in-process cpu: " + ([first] + warm).map { String(format: "%.3f", $0.cpu) }.joined(separator: " "))
            print("  dot cpu:        " + program.map { String(format: "%.3f", $0.cpu) }.joined(separator: " "))
        }
    }
} catch {
    FileHandle.standardError.write(Data("flowgate-render-bench: \(error)\n".utf8))
    exit(2)
}
