import FlowLanguage
import FlowModel
import Testing

/// One run reports every independent error, from every stage, in source order.
@Suite struct ErrorRecoveryTests {
    @Test func oneFileWithEightIndependentErrors() {
        let text = """
            org a @ {
              kind trust
              ods "unterminated
            }
            org b {
              kind trsut
              colour blue
              valid-from 2023-02-30
            }
            }
            org c {
              kind trust
              successor nobody
            }
            frobnicate
            """
        let result = Loading.load(text)
        #expect(Loading.summary(result) == [
            "FG102 m.flow:1:7",   // lexer: unexpected character
            "FG103 m.flow:3:7",   // lexer: unterminated string
            "FG112 m.flow:6:8",   // lowering: unknown organisation kind
            "FG111 m.flow:7:3",   // lowering: unknown property
            "FG114 m.flow:8:14",  // lowering: no 30 February
            "FG105 m.flow:10:1",  // parser: stray `}`
            "FG121 m.flow:13:13", // resolver: unknown name
            "FG110 m.flow:15:1",  // lowering: unknown declaration
        ])
        #expect(result.model == nil)
    }

    @Test func errorsInSeveralFilesAreAllReportedInPathOrder() {
        let result = Loading.load([
            "b.flow": "org b {\n  kind nope\n}",
            "a.flow": "org a {\n  kind trust\n  successor zz\n}\n}",
            "c/d.flow": "dataset d {}",
        ])
        #expect(Loading.summary(result) == [
            "FG121 a.flow:3:13", "FG105 a.flow:5:1", "FG112 b.flow:2:8", "FG116 c/d.flow:1:1",
        ])
    }

    @Test func parseErrorsDoNotHideLaterDeclarations() throws {
        // A broken first declaration must not stop the second from being lowered and resolved.
        let result = Loading.load("org a \"x\n  kind trust\n}\norg b {\n  kind trust\n  successor a\n}")
        #expect(!Loading.summary(result).contains { $0.hasPrefix("FG121") }, "\(Loading.summary(result))")
        #expect(result.diagnostics.contains { $0.code == LanguageCode.unterminatedString.rawValue })
    }
}
