import Foundation

enum PeakMemory {
    /// VmHWM from /proc/self/status (Linux), in megabytes; -1 where it cannot be read.
    static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes / 1024
        }
        return -1
    }
}
