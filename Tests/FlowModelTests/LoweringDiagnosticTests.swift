import FlowLanguage
import FlowModel
import Testing

/// Schema errors: each malformed declaration pinned to its code, line and column.
@Suite struct LoweringDiagnosticTests {
    static let flowHead = "flow src -> dst {\n  data data\n  level identifiable\n  purpose care\n"

    static let cases: [ModelErrorCase] = [
        // Declarations and properties
        ModelErrorCase("unknown declaration, did you mean", "orgg a {}", .unknownDeclaration, 1, 1, help: "did you mean `org`?"),
        ModelErrorCase("unknown declaration, list", "frobnicate x", .unknownDeclaration, 1, 1, help: "declarations start with one of: org, "),
        ModelErrorCase("unknown property, did you mean", "org a {\n  kind trust\n  public-authorty yes\n}", .unknownProperty, 3, 3,
                       help: "did you mean `public-authority`?"),
        ModelErrorCase("unknown property, list", "org a {\n  kind trust\n  colour blue\n}", .unknownProperty, 3, 3,
                       help: "the properties of an organisation are: accountable, apd, confidentiality-duty, country, "),
        ModelErrorCase("declaration inside a block", "org a {\n  kind trust\n  org b {}\n}", .unknownProperty, 3, 3),
        ModelErrorCase("repeated property with note", "org a {\n  kind trust\n  kind icb\n}", .repeatedProperty, 3, 3, noteAt: "kind trust"),
        ModelErrorCase("block on a property", "org a {\n  kind trust {}\n}", .misplacedBlock, 2, 14),
        ModelErrorCase("block on include", "include \"x.flow\" {\n}", .misplacedBlock, 1, 18),
        ModelErrorCase("block on use", "use std {}", .misplacedBlock, 1, 9),
        // Missing properties
        ModelErrorCase("org without kind", "org a {}", .missingProperty, 1, 1, help: "add a `kind …` line inside the block"),
        ModelErrorCase("dataset without block", "dataset d \"D\"", .missingProperty, 1, 1, help: "`origin"),
        ModelErrorCase("gateway without citation", "gateway g {\n  kind statute\n}", .missingProperty, 1, 1, help: "`citation"),
        ModelErrorCase("flow without its three required properties", "flow src -> dst {}", .missingProperty, 1, 1, count: 3),
        ModelErrorCase("notice without controller", "notice n {}", .missingProperty, 1, 1, help: "`controller"),
        ModelErrorCase("programme opt-out without purposes", "opt-out o {\n  kind programme\n}", .missingProperty, 1, 1, help: "purposes"),
        // Values
        ModelErrorCase("list without comma", "dataset d {\n  origin england-health\n  identifiers nhs-number postcode\n}", .malformedValue, 3, 15),
        ModelErrorCase("list with empty item", "dataset d {\n  origin england-health\n  identifiers nhs-number,, postcode\n}", .malformedValue, 3, 3),
        ModelErrorCase("list with trailing comma", "key k {\n  held-by src,\n}", .malformedValue, 2, 3),
        ModelErrorCase("date that does not exist", "org a {\n  kind trust\n  valid-from 2023-02-30\n}", .invalidDate, 3, 14),
        ModelErrorCase("29 February in a common year", "org a {\n  kind trust\n  valid-until 2023-02-29\n}", .invalidDate, 3, 15),
        ModelErrorCase("date without padding", "dpia d {\n  completed 2023-2-3\n}", .invalidDate, 2, 13),
        ModelErrorCase("date in quotes", "approval ap {\n  regulation 5\n  valid-until \"2025-01-01\"\n}", .invalidDate, 3, 15),
        ModelErrorCase("month 13", "waiver FG015 src {\n  justification \"j\"\n  owner \"o\"\n  reference \"r\"\n  expires 2026-13-01\n}",
                       .invalidDate, 5, 11),
        ModelErrorCase("number out of range", "model \"M\" {\n  suppress-below 0\n}", .malformedValue, 2, 18),
        ModelErrorCase("flag that is not yes or no", "org a {\n  kind trust\n  public-authority maybe\n}", .unknownValue, 3, 20),
        ModelErrorCase("country code in lower case", "org a {\n  kind trust\n  country gb\n}", .unknownValue, 3, 11),
        ModelErrorCase("COPI regulation 4", "approval ap {\n  regulation 4\n}", .unknownValue, 2, 14),
        ModelErrorCase("NDOO setting", "model \"M\" {\n  unknown-ndoo-status maybe\n}", .unknownValue, 2, 23),
        ModelErrorCase("level typo", flowHead.replacingOccurrences(of: "identifiable", with: "pseudonymsed") + "}", .unknownValue, 3, 9,
                       help: "did you mean `pseudonymised`?"),
        ModelErrorCase("name in quotes", "org a {\n  kind trust\n  successor \"src\"\n}", .malformedValue, 3, 13, help: "names are written without quotes"),
        ModelErrorCase("include path not quoted", "include x.flow", .malformedValue, 1, 9, help: "write `include \"x.flow\"`"),
        ModelErrorCase("model without a name", "model", .malformedValue, 1, 1),
        ModelErrorCase("retention not quoted", flowHead + "  retention six-years\n}", .malformedValue, 5, 13),
        // Headers
        ModelErrorCase("declaration name in quotes", "org \"A\" {}", .malformedValue, 1, 5),
        ModelErrorCase("declaration name starting with a digit", "org 1a {}", .malformedValue, 1, 5),
        ModelErrorCase("declaration without a name", "purpose", .malformedValue, 1, 1),
        ModelErrorCase("extra word after the title", "org a \"A\" b {\n  kind trust\n}", .unexpectedToken, 1, 7),
        ModelErrorCase("flow header shape", "flow a b c -> d {}", .malformedValue, 1, 1),
        ModelErrorCase("flow with extra after endpoints", flowHead.replacingOccurrences(of: "dst {", with: "dst extra {") + "}", .unexpectedToken, 1, 17),
        // Schedule 1
        ModelErrorCase("Schedule 1 paragraph outside its part", flowHead + "  sch1 part1 para2, part2 para5\n}", .unknownValue, 5, 21),
        ModelErrorCase("Schedule 1 part 4", flowHead + "  sch1 part4 para1\n}", .unknownValue, 5, 8),
        ModelErrorCase("Schedule 1 condition without paragraph", flowHead + "  sch1 part1\n}", .malformedValue, 5, 8),
        ModelErrorCase("Schedule 1 condition reversed", flowHead + "  sch1 para2 part1\n}", .malformedValue, 5, 8),
        ModelErrorCase("Schedule 1 part with a negative number", flowHead + "  sch1 part-1 para2\n}", .unknownValue, 5, 8),
        ModelErrorCase("Schedule 1 paragraph past Int", flowHead + "  sch1 part1 para99999999999999999999\n}", .malformedValue, 5, 8),
        ModelErrorCase("Schedule 1 paragraph not a whole number", flowHead + "  sch1 part1 para2.5\n}", .malformedValue, 5, 8),
        ModelErrorCase("Schedule 1 condition of three words", flowHead + "  sch1 part1 para2 para3\n}", .malformedValue, 5, 8),
        ModelErrorCase("Schedule 1 second item malformed", flowHead + "  sch1 part1 para2, part2\n}", .malformedValue, 5, 21),
        // Waivers
        ModelErrorCase("waiver code without FG", "waiver F015 src {}", .malformedValue, 1, 8),
        ModelErrorCase("waiver code too short", "waiver FG15 src {}", .malformedValue, 1, 8),
        ModelErrorCase("waiver without target", "waiver FG015", .malformedValue, 1, 1),
        ModelErrorCase("waiver without its properties", "waiver FG015 src {}", .missingProperty, 1, 1, count: 4),
        // Transforms
        ModelErrorCase("transform without input", "at src pseudonymise -> x", .malformedValue, 1, 1),
        ModelErrorCase("transform holder in quotes", "at \"src\" anonymise data -> x", .malformedValue, 1, 1),
        ModelErrorCase("transform with unknown operation", "at src explode data -> x", .unknownValue, 1, 8),
        ModelErrorCase("link with one input", "at src link data -> x", .malformedValue, 1, 13),
        ModelErrorCase("aggregate with two inputs", "at src aggregate data, data -> x", .malformedValue, 1, 18),
        ModelErrorCase("inputs without comma", "at src anonymise data data -> x", .malformedValue, 1, 23),
        ModelErrorCase("pseudonymise without key", "at src pseudonymise data -> x", .missingProperty, 1, 1, help: "add `key KEY`"),
        ModelErrorCase("re-identify without key", "at src re-identify data -> x {}", .missingProperty, 1, 1),
        ModelErrorCase("filter without opt-outs", "at src filter data -> x", .missingProperty, 1, 1),
        ModelErrorCase("transform with extra after title", "at src anonymise data -> x \"T\" y", .unexpectedToken, 1, 28),
        ModelErrorCase("transform without output", "at src anonymise data ->", .malformedValue, 1, 1),
        // Regressions: a trailing comma was accepted; a misplaced comma or quoted input was reported twice.
        ModelErrorCase("inputs with trailing comma", "at src link data, data, -> x", .malformedValue, 1, 23, help: "remove the comma"),
        ModelErrorCase("inputs starting with a comma", "at src link , data -> x", .malformedValue, 1, 13),
        ModelErrorCase("inputs with two commas", "at src link data,, data -> x", .malformedValue, 1, 18),
        ModelErrorCase("input in quotes", "at src anonymise \"data\" -> x", .malformedValue, 1, 18, help: "names are written without quotes"),
        // Regression: `programme` is the placeholder kind, so a missing kind also reported missing purposes.
        ModelErrorCase("opt-out without kind", "opt-out o {}", .missingProperty, 1, 1, help: "`kind"),
        // Regression: a second `model` silently renamed the model and reset its settings.
        ModelErrorCase("model declared twice in one file", "model \"A\" {\n  suppress-below 10\n}\nmodel \"B\"", .duplicateDeclaration, 4, 1,
                       noteAt: "model \"A\""),
    ]

    @Test(arguments: cases)
    func reportsCodeAtPosition(_ testCase: ModelErrorCase) {
        testCase.check()
    }

    @Test func preludeIsValid() throws {
        _ = try Loading.model(Prelude.text)
    }
}
