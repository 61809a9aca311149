import FlowLanguage
import Testing

/// A syntax tree with every span removed, so two parses of differently laid-out text can be
/// compared. Comment text is compared without trailing spaces, tabs and carriage returns (the
/// formatter trims them).
struct SyntaxShape: Hashable {
    struct Options {
        /// Blank lines are layout: the formatter adds them around top-level blocks.
        var keepBlankLines = false
    }

    indirect enum Item: Hashable {
        case comment(String)
        case blankLine
        case statement(keyword: String, arguments: [Argument], block: Block?, trailingComment: String?)
    }

    struct Argument: Hashable, CustomStringConvertible {
        let kind: TokenKind
        let text: String

        var description: String {
            switch kind {
            case .string: "string(\(Formatter.quoted(text)))"
            case .word: "word(\(text))"
            default: "\(kind)"
            }
        }
    }

    struct Block: Hashable {
        var items: [Item]
        var isClosed: Bool
    }

    var items: [Item]

    init(_ file: SyntaxFile, _ options: Options = Options()) {
        items = SyntaxShape.items(file.statements, dangling: file.danglingComments, options)
    }

    private static func items(_ statements: [SyntaxNode], dangling: [Trivia], _ options: Options) -> [Item] {
        var result: [Item] = []
        for node in statements {
            result += trivia(node.leadingTrivia, options)
            let block = node.block.map {
                Block(items: items($0.statements, dangling: $0.danglingComments, options), isClosed: $0.closeSpan != nil)
            }
            result.append(.statement(
                keyword: node.keyword.text,
                arguments: node.arguments.map { Argument(kind: $0.kind, text: $0.text) },
                block: block,
                trailingComment: node.trailingComment.map { trimmed($0.text) }
            ))
        }
        result += trivia(dangling, options)
        return result
    }

    private static func trivia(_ trivia: [Trivia], _ options: Options) -> [Item] {
        trivia.compactMap { item in
            switch item {
            case .comment(let token): .comment(trimmed(token.text))
            case .blankLine: options.keepBlankLines ? .blankLine : nil
            }
        }
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }

    /// One line per item, indented by depth: readable in a failure message and diffable by line.
    var dump: [String] {
        var lines: [String] = []
        SyntaxShape.dump(items, depth: 0, into: &lines)
        return lines
    }

    private static func dump(_ items: [Item], depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        for item in items {
            switch item {
            case .comment(let text): lines.append(indent + "comment(\(text))")
            case .blankLine: lines.append(indent + "blank")
            case .statement(let keyword, let arguments, let block, let trailing):
                var line = indent + keyword
                for argument in arguments { line += " " + argument.description }
                if let trailing { line += " trailing(\(trailing))" }
                if let block { line += block.isClosed ? " {" : " {(unclosed)" }
                lines.append(line)
                if let block {
                    dump(block.items, depth: depth + 1, into: &lines)
                    lines.append(indent + "}")
                }
            }
        }
    }

    /// The first line where the dumps of two shapes differ, or nil when they are the same.
    static func firstDifference(_ lhs: SyntaxShape, _ rhs: SyntaxShape) -> String? {
        guard lhs != rhs else { return nil }
        let left = lhs.dump
        let right = rhs.dump
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? left[index] : "<end>"
            let r = index < right.count ? right[index] : "<end>"
            if l != r { return "item \(index + 1): \(l)  ≠  \(r)" }
        }
        return "shapes differ but dump identically"
    }
}

/// Records an issue naming the first difference when two syntax trees differ other than in spans.
func expectSameStructure(
    _ lhs: SyntaxFile, _ rhs: SyntaxFile, keepBlankLines: Bool = false,
    _ comment: Comment? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let options = SyntaxShape.Options(keepBlankLines: keepBlankLines)
    let difference = SyntaxShape.firstDifference(SyntaxShape(lhs, options), SyntaxShape(rhs, options))
    #expect(difference == nil, "\(comment.map { "\($0): " } ?? "")\(difference ?? "")", sourceLocation: sourceLocation)
}
