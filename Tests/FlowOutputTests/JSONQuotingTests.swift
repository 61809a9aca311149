import FlowOutput
import Foundation
import Testing

/// Text with nothing to escape is copied whole; everything else goes through the escaper. Both
/// routes must give what a JSON parser reads back as the original text.
struct JSONQuotingTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        ("arrow → and pound £", #""arrow → and pound £""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("bell\u{07} and delete\u{7F}", #""bell\u0007 and delete\u007f""#),
        ("separators \u{2028}\u{2029} end", #""separators \u2028\u2029 end""#),
        ("en dash – after a separator-like lead byte", #""en dash – after a separator-like lead byte""#),
    ])
    func quotes(text: String, expected: String) throws {
        #expect(JSONValue.quote(text) == expected)
        #expect(JSONValue.string(text).serialized() == expected)
        let decoded = try JSONSerializationRoundTrip.decode(expected)
        #expect(decoded == text)
    }
}

/// Reads a JSON string literal back with Foundation's parser, independently of the writer.
private enum JSONSerializationRoundTrip {
    static func decode(_ literal: String) throws -> String {
        let data = Data("[\(literal)]".utf8)
        let array = try JSONSerialization.jsonObject(with: data) as? [String]
        return try #require(array?.first)
    }
}
