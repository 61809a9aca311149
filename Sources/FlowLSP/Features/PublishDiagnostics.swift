import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRules

extension LanguageServer {
    /// Publishes the session's language diagnostics and rule findings file by file, and clears
    /// the files that had some last time and have none now.
    func publishDiagnostics(of session: ModelSession) {
        var byPath: [String: [LSPDiagnostic]] = [:]
        // A diagnostic with no place (an unreadable folder, no input) is shown on the open documents of the model.
        let openPaths = documents.documents.keys.filter { session.location.holds($0) }.sorted()
        for diagnostic in session.diagnostics {
            let paths = diagnostic.span.map { [$0.path] } ?? openPaths
            for path in paths {
                byPath[path, default: []].append(convert(diagnostic, in: session, witness: nil))
            }
        }
        let roots = RootCauses(session.findings)
        for (index, finding) in session.findings.enumerated() {
            let diagnostic = convert(finding.diagnostic, in: session, witness: finding.witness, grouping: roots.notes(for: index))
            byPath[finding.span.path, default: []].append(diagnostic)
        }
        var published: [String: PublishDiagnosticsParams] = [:]
        for path in session.publishedPaths.keys.sorted() where byPath[path] == nil {
            send(NotificationMessage(method: "textDocument/publishDiagnostics", params: PublishDiagnosticsParams(uri: uris.uri(of: path), version: documents[path]?.version, diagnostics: [])))
        }
        for (path, diagnostics) in byPath.sorted(by: { $0.key < $1.key }) where !StandardLibrary.isLibraryPath(path) {
            let params = PublishDiagnosticsParams(uri: uris.uri(of: path), version: documents[path]?.version, diagnostics: diagnostics)
            published[path] = params
            // A file whose diagnostics did not change (another file of the model was edited) is not
            // sent again: encoding a large model's findings took longer than checking it.
            if session.publishedPaths[path] != params { send(NotificationMessage(method: "textDocument/publishDiagnostics", params: params)) }
        }
        session.publishedPaths = published
    }

    private func convert(_ diagnostic: Diagnostic, in session: ModelSession, witness: WitnessPath?, grouping: [DiagnosticNote] = []) -> LSPDiagnostic {
        let range = diagnostic.span.flatMap { span in session.source(span.path).map { TextPositions.range(of: span, in: $0) } }
            ?? TextRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
        var related: [LSPDiagnostic.RelatedInformation] = (diagnostic.notes + grouping).compactMap { note in
            guard let span = note.span, let location = location(of: span, in: session) else { return nil }
            return .init(location: location, message: note.message)
        }
        if let witness {
            for (index, hop) in witness.hops.enumerated() {
                guard let location = location(of: hop.span, in: session) else { continue }
                let marker = index == witness.breakingHop ? " (breaks the rule)" : ""
                related.append(.init(location: location, message: "path \(index + 1): \(FindingText.summary(of: hop))\(marker)"))
            }
            // Inputs that joined the path at a merge (carrying what the path lost there).
            for branch in witness.branches {
                for hop in branch.hops {
                    guard let location = location(of: hop.span, in: session) else { continue }
                    related.append(.init(location: location, message: "joins the path at \(branch.joinsAt + 1): \(FindingText.summary(of: hop))"))
                }
            }
        }
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        return LSPDiagnostic(
            range: range, severity: Self.severity(diagnostic.severity), code: diagnostic.code, message: message,
            relatedInformation: related.isEmpty ? nil : related
        )
    }

    func location(of span: SourceSpan, in session: ModelSession) -> Location? {
        session.source(span.path).map { Location(uri: uris.uri(of: span.path), range: TextPositions.range(of: span, in: $0)) }
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }
}

/// How findings hang together (the check's root-cause grouping): a finding that follows from
/// another points at it, and findings that fail for the same reason point at one another, so the
/// editor can lead from any of them to the place where one fix clears them all.
struct RootCauses {
    private let findings: [Finding]
    private let byReference: [FindingReference: Int]
    /// The findings of each rule and reason, by index.
    private let byReason: [String: [Int]]
    /// More places than this are summed up in the last note.
    static let listed = 10

    init(_ findings: [Finding]) {
        self.findings = findings
        byReference = Dictionary(findings.indices.map { (findings[$0].reference, $0) }, uniquingKeysWith: { first, _ in first })
        byReason = Dictionary(grouping: findings.indices.filter { findings[$0].sameReason != nil }) { Self.reasonKey(findings[$0]) }
    }

    private static func reasonKey(_ finding: Finding) -> String {
        "\(finding.code)|\(finding.sameReason?.key ?? "")"
    }

    /// The notes for the finding at `index`.
    func notes(for index: Int) -> [DiagnosticNote] {
        let finding = findings[index]
        var notes: [DiagnosticNote] = []
        if let reference = finding.cause, let cause = byReference[reference].map({ findings[$0] }) {
            notes.append(DiagnosticNote("follows from \(cause.code): \(cause.message)", at: cause.span))
        }
        if let reason = finding.sameReason {
            let others = (byReason[Self.reasonKey(finding)] ?? []).filter { $0 != index }
            for other in others.prefix(Self.listed) {
                notes.append(DiagnosticNote("same root cause (\(reason.summary); fixed once at \(reason.owner))", at: findings[other].span))
            }
            if others.count > Self.listed {
                notes.append(DiagnosticNote("and \(others.count - Self.listed) more places with the same root cause", at: finding.span))
            }
        }
        return notes
    }
}
