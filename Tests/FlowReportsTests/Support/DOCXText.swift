import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of a Word document as Word would show it, read from `word/document.xml` inside the package
/// with `unzip` (so the test does not trust the writer's own ZIP code): a line per paragraph, table
/// cells separated by " | ", a blank line between tables and what follows.
enum DOCXText {
    static func text(ofDocx bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("annex.docx")
        try Data(bytes).write(to: file)
        let xml = try Process.output("/usr/bin/unzip", ["-p", file.path, "word/document.xml"])
        return try text(ofDocumentXML: xml)
    }

    static func text(ofDocumentXML xml: Data) throws -> String {
        let reader = Reader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        guard parser.parse() else { throw RepositoryError(description: "document.xml is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")") }
        return reader.lines.joined(separator: "\n") + "\n"
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var lines: [String] = []
        var paragraph = ""
        var cells: [String] = []
        var inText = false
        var tableDepth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            switch name {
            case "w:t": inText = true
            case "w:p": paragraph = ""
            case "w:tbl": tableDepth += 1
            case "w:tr": cells = []
            case "w:tc": cells.append("")
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "w:p":
                if tableDepth > 0 {
                    if !cells.isEmpty { cells[cells.count - 1] += (cells[cells.count - 1].isEmpty ? "" : " / ") + paragraph }
                } else if !paragraph.isEmpty {
                    lines.append(paragraph)
                }
            case "w:tr": lines.append(cells.joined(separator: " | "))
            case "w:tbl":
                tableDepth -= 1
                lines.append("")
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { paragraph += string }
        }
    }
}

extension Process {
    /// Runs a program to completion and returns its standard output; a non-zero exit throws.
    static func output(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RepositoryError(description: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return data
    }
}
