import FlowAnalysis
import FlowLanguage

/// Where an opt-out that reached part of the data was lost on the way to a flow, in plain words:
/// the merge on the witness path whose other inputs carried it.
enum OptOutLossNotes {
    static func notes(on witness: WitnessPath, optOut: String, analysis: Analysis) -> [DiagnosticNote] {
        witness.hops.compactMap { hop in
            guard let transform = analysis.transformIndex(of: hop),
                  let loss = analysis.optOutLoss(of: optOut, at: transform) else { return nil }
            return DiagnosticNote(loss.explanation(in: analysis.model), at: hop.span)
        }
    }
}
