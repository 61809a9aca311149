/// Prints a syntax tree in the one canonical layout: two-space indentation, one statement per
/// line, single spaces between arguments, `a, b` lists, canonical string escapes, at most one
/// empty line in a row, and an empty line around every top-level block. Comments are kept.
/// `format(parse(format(x))) == format(x)` for every file that parses without errors.
public enum Formatter {
    public static let indentUnit = "  "

    public static func format(_ file: SyntaxFile) -> String {
        var output = ""
        var previous: SyntaxNode?
        for node in file.statements {
            var trivia = node.leadingTrivia
            if let previous, previous.hasBlock || node.hasBlock, !trivia.contains(.blankLine) {
                trivia.insert(.blankLine, at: 0)
            }
            write(trivia, isFirst: previous == nil, depth: 0, into: &output)
            write(node, depth: 0, into: &output)
            previous = node
        }
        writeDangling(file.danglingComments, isFirst: previous == nil, depth: 0, into: &output)
        return output
    }

    /// Formats source text, or returns nil when it does not parse without errors (formatting must
    /// never guess at the meaning of broken input; a warning such as FG129 leaves it well formed).
    public static func format(_ source: SourceFile) -> String? {
        let (syntax, diagnostics) = Parser.parse(source)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return format(syntax)
    }

    private static func write(_ node: SyntaxNode, depth: Int, into output: inout String) {
        let indent = String(repeating: indentUnit, count: depth)
        output += indent
        output += node.keyword.text
        for argument in node.arguments {
            if argument.kind != .comma { output += " " }
            output += spelling(of: argument)
        }
        if let block = node.block {
            if block.statements.isEmpty, !block.danglingComments.contains(where: { $0 != .blankLine }) {
                output += " {}"
            } else {
                output += " {\n"
                var isFirst = true
                for child in block.statements {
                    write(child.leadingTrivia, isFirst: isFirst, depth: depth + 1, into: &output)
                    write(child, depth: depth + 1, into: &output)
                    isFirst = false
                }
                writeDangling(block.danglingComments, isFirst: isFirst, depth: depth + 1, into: &output)
                output += indent + "}"
            }
        }
        if let comment = node.trailingComment {
            output += " " + commentSpelling(comment)
        }
        output += "\n"
    }

    private static func write(_ trivia: [Trivia], isFirst: Bool, depth: Int, into output: inout String) {
        let indent = String(repeating: indentUnit, count: depth)
        var lastWasBlank = isFirst
        for item in trivia {
            switch item {
            case .blankLine:
                if !lastWasBlank { output += "\n" }
                lastWasBlank = true
            case .comment(let token):
                output += indent + commentSpelling(token) + "\n"
                lastWasBlank = false
            }
        }
    }

    private static func writeDangling(_ trivia: [Trivia], isFirst: Bool, depth: Int, into output: inout String) {
        var trimmed = trivia
        while trimmed.last == .blankLine { trimmed.removeLast() }
        write(trimmed, isFirst: isFirst, depth: depth, into: &output)
    }

    static func commentSpelling(_ token: Token) -> String {
        var text = token.text
        // A trailing `\r` too: the lexer drops one before a line break, so keeping it would make
        // formatting not idempotent (`# a\r \n` → `# a\r\n` → `# a\n`).
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return "#" + text
    }

    /// The canonical source spelling of an argument token.
    public static func spelling(of token: Token) -> String {
        token.kind == .string ? quoted(token.text) : token.text
    }

    /// A string literal for `value`, escaping exactly what must be escaped.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
