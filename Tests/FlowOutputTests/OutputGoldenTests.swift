import FlowOutput
import FlowRules
import Foundation
import Testing

struct OutputGoldenTests {
    @Test func text() throws {
        try expectGolden(FindingText.document(OutputFixture.report()), "check.txt")
    }

    @Test func json() throws {
        let document = FindingJSON.document(OutputFixture.report(), toolVersion: "test")
        try expectGolden(document, "check.json")
        #expect(try JSONSerialization.jsonObject(with: Data(document.utf8)) is [String: Any])
    }

    @Test func sarif() throws {
        let document = SARIFReport.document(OutputFixture.report(), rules: OutputFixture.rules, toolVersion: "test")
        try expectGolden(document, "check.sarif")
    }

    @Test func github() throws {
        try expectGolden(GitHubAnnotations.document(OutputFixture.report()), "check.github.txt")
    }

    @Test func languageErrorsInEveryFormat() throws {
        let report = OutputFixture.report(files: ["model/bad.flow": "org x \"X\" {\n  kind trsut\n}\n"])
        #expect(report.findings.isEmpty)
        try expectGolden(FindingText.document(report), "errors.txt")
        let sarif = SARIFReport.document(report, rules: OutputFixture.rules, toolVersion: "test")
        #expect(sarif.contains("\"ruleId\": \"FG112\""))
    }
}
