import FlowModel
import Testing

/// The `/`-path arithmetic that `include` resolution rests on.
@Suite struct PathArithmeticTests {
    @Test(arguments: [
        ("a/./b//c", "a/b/c"), ("a/b/../c", "a/c"), ("../a", "../a"), ("a/../../b", "../b"),
        ("./", "."), ("", "."), ("/a/../../b", "/b"), ("/", "/"), ("flows/", "flows"),
    ])
    func normalise(_ path: String, _ expected: String) {
        #expect(PathArithmetic.normalise(path) == expected)
    }

    @Test(arguments: [
        ("b.flow", "model/a.flow", "model/b.flow"),
        ("../shared/b.flow", "model/parts/a.flow", "model/shared/b.flow"),
        ("sub/b.flow", "a.flow", "sub/b.flow"),
        ("../b.flow", "a.flow", "../b.flow"),
        ("/abs/b.flow", "model/a.flow", "/abs/b.flow"),
        ("b.flow", "/root/a.flow", "/root/b.flow"),
    ])
    func resolve(_ relative: String, _ file: String, _ expected: String) {
        #expect(PathArithmetic.resolve(relative, from: file) == expected)
    }

    @Test func directory() {
        #expect(PathArithmetic.directory(of: "a/b/c.flow") == "a/b")
        #expect(PathArithmetic.directory(of: "c.flow") == ".")
        #expect(PathArithmetic.directory(of: "/c.flow") == "/")
    }
}
