import RehearseAnki
import RehearseCore
import RehearseStore

/// Why an operation did not happen, in words a user can act on. Each door maps the case
/// to its own form (an exit status, an HTTP status) and shows ``description`` unchanged.
public enum TrainerError: Error, Equatable, CustomStringConvertible {
    /// A guide file or upload that cannot be read (empty, binary, not UTF-8, too large).
    case unreadableGuide(GuideError)
    case unknownCard(String)
    case unknownGuide(String, known: [String])
    /// The answer to take back is not in the log; nil when no answer was named.
    case nothingToUndo(reviewID: Int64?)
    /// Only a card's latest answer can be taken back.
    case notLatestAnswer(reviewID: Int64, cardID: String)
    /// A mock interview has nothing to ask.
    case noQuestions(guide: String?)
    case noInterview(String)
    case interviewEnded(String)
    case interviewWaiting(String)
    case tooManyInterviews(limit: Int)
    case invalidSetting(String)
    /// The card has no such key point.
    case unknownKeypoint(cardID: String, keypoint: String, known: [String])
    /// A mock interview answer with nothing in it.
    case emptyAnswer
    /// A correction whose answer has no words to keep.
    case nothingToLearn(keypoint: String)
    /// FSRS weights could not be fitted (too little history, or the fit failed).
    case cannotFit(FSRSOptimizationError)
    /// An Anki file that cannot be read or written; the message names the file.
    case ankiPackage(AnkiPackageError)

    public var description: String {
        switch self {
        case .unreadableGuide(let error): error.description
        case .unknownCard(let id): "no card with id \(id)"
        case .cannotFit(let error): error.description
        case .ankiPackage(let error): error.description
        case .unknownGuide(let id, let known):
            "no guide with id \(id)" + (known.isEmpty ? "; no guide is imported yet" : "; imported guides: \(known.joined(separator: ", "))")
        case .nothingToUndo(let reviewID?): "nothing to undo: answer \(reviewID) is not in the log (never stored, or already taken back)"
        case .nothingToUndo(nil): "nothing to undo: no answer has been given yet"
        case .notLatestAnswer(let reviewID, let cardID):
            "answer \(reviewID) is not the latest answer to card \(cardID); take back the later ones first"
        case .noQuestions(let guide?): "no questions to ask in guide \(guide)"
        case .noQuestions(nil): "no questions to ask: import a guide first (rehearse import PATH)"
        case .noInterview(let id): "no mock interview \(id) is under way; start a new one"
        case .interviewEnded(let id): "mock interview \(id) has ended; its report is saved"
        case .interviewWaiting(let id): "interview \(id) has no question waiting; finish it to see the report"
        case .tooManyInterviews(let limit): "\(limit) mock interviews are already under way; finish one first"
        case .invalidSetting(let message): message
        case .unknownKeypoint(let cardID, let keypoint, let known):
            "card \(cardID) has no key point \"\(keypoint)\"; its key points are: \(known.joined(separator: " | "))"
        case .emptyAnswer: "type an answer first, or finish the interview to see the report"
        case .nothingToLearn(let keypoint): "the answer has no words to learn from; type what you said for \"\(keypoint)\""
        }
    }
}
