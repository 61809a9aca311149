import FlowFuzzing

#if FUZZING
import Glibc

/// libFuzzer's entry point. Build with
/// `swift build --scratch-path .build-fuzz -Xswiftc -DFUZZING --sanitize fuzzer --sanitize address --product flowgate-fuzz`
/// (see scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else {
        FuzzHarness.run([])
        return 0
    }
    FuzzHarness.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's own mutator, found at run time (it is part of the fuzzer runtime linked in).
private let libFuzzerMutate = dlsym(dlopen(nil, RTLD_NOW), "LLVMFuzzerMutate").map {
    unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<UInt8>?, Int, Int) -> Int).self)
}

/// Structure-aware mutation (`ModelMutator`) for two inputs in three, so valid models stay valid
/// often enough to reach the rules, diagrams and reports; libFuzzer's byte mutations otherwise.
@_cdecl("LLVMFuzzerCustomMutator")
public func customMutator(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    guard let data else { return 0 }
    if seed % 3 != 0, let mutated = ModelMutator.mutate(Array(UnsafeBufferPointer(start: data, count: size)), seed: seed, maximumSize: maxSize) {
        for (index, byte) in mutated.enumerated() { data[index] = byte }
        return mutated.count
    }
    return libFuzzerMutate?(data, size, maxSize) ?? size
}
#else
import Foundation

/// Without `-DFUZZING`: replays files (or every file below directories) through the fuzz harness,
/// so ordinary builds link and a corpus can be checked without libFuzzer.
///
///     flowgate-fuzz Tests/FuzzCorpus
@main
struct CorpusReplayer {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.isEmpty, !arguments.contains("-h"), !arguments.contains("--help") else {
            FileHandle.standardError.write(Data("usage: flowgate-fuzz FILE|DIRECTORY…\nreplays each file through the fuzz harness (build with -DFUZZING for libFuzzer)\n".utf8))
            exit(arguments.isEmpty ? 2 : 0)
        }
        var files: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("flowgate-fuzz: no such file or directory: \(argument)\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                let enumerator = FileManager.default.enumerator(atPath: argument)
                while let entry = enumerator?.nextObject() as? String {
                    let path = argument + "/" + entry
                    var entryIsDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: path, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue {
                        files.append(path)
                    }
                }
            } else {
                files.append(argument)
            }
        }
        for path in files.sorted() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("flowgate-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            FuzzHarness.run(Array(data))
        }
        print("replayed \(files.count) file\(files.count == 1 ? "" : "s")")
    }
}
#endif
