/// A vocabulary whose spellings lowering finds through a `SpellingIndex` built once, rather than
/// through `init(rawValue:)`, which compares the text with every spelling in turn.
protocol IndexedVocabulary: Vocabulary {
    static var spellingIndex: SpellingIndex<Self> { get }
}

extension IndexedVocabulary {
    static func makeSpellingIndex() -> SpellingIndex<Self> {
        SpellingIndex(allCases.map { ($0.rawValue, $0) })
    }
}

extension AgreementKind: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension Article10Route: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension Article6Basis: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension Article9Condition: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension BoundaryKind: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension BoundaryPromise: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension NoticeStatement: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension ConfidentialityBasis: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension DSPTStatus: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension DataOrigin: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension DataSubject: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension DecisionMaker: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension Frequency: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension FlowStatus: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension GatewayKind: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension NDOPExemption: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension IdentifiabilityLevel: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension Identifier: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension NDOOStatus: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension OptOutKind: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension OrganisationKind: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension PurposeCategory: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension RecipientRole: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension RetentionAction: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension SpecialCategory: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension SubProcessingAuthorisation: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension TransferMechanism: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
extension TransformOperation: IndexedVocabulary { static let spellingIndex = makeSpellingIndex() }
