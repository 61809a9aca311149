import FlowOutput
import Foundation
import Testing

/// The properties GitHub code scanning and the SARIF 2.1.0 schema require, checked structurally.
struct SARIFStructureTests {
    func parsed() throws -> [String: Any] {
        let text = SARIFReport.document(OutputFixture.report(), rules: OutputFixture.rules, toolVersion: "test")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func topLevelAndDriver() throws {
        let root = try parsed()
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "flowgate")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        for rule in rules {
            #expect(rule["id"] is String)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            #expect((rule["help"] as? [String: Any])?["text"] is String)
        }
    }

    @Test func resultsPointAtRulesAndRegions() throws {
        let root = try parsed()
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.hasPrefix("/"))
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((result["partialFingerprints"] as? [String: String])?[SARIFReport.fingerprintKey]?.count == 16)
        }
        // FG009's witness path has two hops: both are related locations and thread-flow steps.
        let withPath = try #require(results.first { $0["ruleId"] as? String == "FG009" })
        let related = try #require(withPath["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 2)
        let steps = (((withPath["codeFlows"] as? [[String: Any]])?.first?["threadFlows"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]]) ?? []
        #expect(steps.count == 2)
    }
}
