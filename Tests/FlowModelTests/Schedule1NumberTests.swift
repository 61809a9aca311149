@testable import FlowModel
import Testing

/// Schedule 1 conditions are read from the tokens' bytes; their numbers must read as `Int` reads them.
struct Schedule1NumberTests {
    static let suffixes = [
        "1", "2", "28", "03", "0", "-1", "+3", "-0", "", "-", "+", "1.5", "1_0", "x", "1x", "٣",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "99999999999999999999",
    ]

    @Test(arguments: suffixes)
    func numberReadsAsIntDoes(_ suffix: String) {
        for prefix in ["part", "para"] {
            var text = prefix + suffix
            let read = text.withUTF8 { Lowerer.number(after: Array(prefix.utf8), in: $0) }
            #expect(read == Int(suffix), "\(text)")
        }
    }

    @Test func numberNeedsItsPrefix() {
        var text = "para2"
        #expect(text.withUTF8 { Lowerer.number(after: Array("part".utf8), in: $0) } == nil)
        text = "par"
        #expect(text.withUTF8 { Lowerer.number(after: Array("part".utf8), in: $0) } == nil)
    }

    @Test func conditionsAreThoseOfTheAct() {
        for part in -1...4 {
            for paragraph in -1...40 {
                let valid = Schedule1Condition.validParagraphs[part]?.contains(paragraph) ?? false
                #expect((Schedule1Condition(part: part, paragraph: paragraph) != nil) == valid, "part \(part) para \(paragraph)")
            }
        }
        #expect(Schedule1Condition.validParagraphs == [1: 1...4, 2: 6...28, 3: 29...37])
    }
}
