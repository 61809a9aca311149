import FlowIO
import Foundation
import Testing

/// `FileSystemSourceProvider.read` returns exactly a file's bytes, whether the file is the size
/// `stat` says or larger than it (a file still being written; `/proc` files say 0).
struct SourceReadingTests {
    @Test(arguments: [0, 1, 7, 4096, 65_537])
    func readsExactlyTheBytesOfAFile(size: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("m.flow").path
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(try FileSystemSourceProvider().read(path) == bytes)
    }

    /// `stat` gives `/proc` files a size of 0, so every byte past the first is read as growth.
    @Test func readsOnPastTheSizeStatGave() throws {
        let path = "/proc/self/mountinfo"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.size] as? Int == 0)
        let read = try FileSystemSourceProvider().read(path)
        let expected = try #require(FileManager.default.contents(atPath: path))
        #expect(read.count > 1_000)
        #expect(read == Array(expected))
    }
}
