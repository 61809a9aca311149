import FlowAnalysis
import FlowModel

extension Analysis {
    /// The confidentiality basis that may switch another rule's check off (a DSA not needed for a
    /// court order, the recipient's own retention for a statutory disclosure…). A claim that cites
    /// nothing switches nothing off — except where the flow carries confidential patient
    /// information, when FG009 already reports the unsupported claim as the root cause and its
    /// consequences are not reported a second time.
    func basisForDependentChecks(_ index: Int) -> ConfidentialityBasis? {
        switch confidentiality.standings[index] {
        case .unsupported(let claimed, _): carriesConfidentialInformation(index) ? claimed : nil
        case let standing: standing.countedBasis
        }
    }
}
