import Foundation
import RehearseCore

/// The note type Rehearse's cards travel in: one note per card, fields for each part of the
/// card, tags for what Anki has no field for. Its id and field names are fixed, so that
/// exporting again updates the same notes in Anki and an export comes back into Rehearse
/// unchanged.
enum RehearseNotetype {
    static let name = "Rehearse"
    /// A fixed id (a millisecond timestamp, as Anki's ids are) so that Anki matches it again.
    static let id: Int64 = 1_700_000_000_000
    static let fields = ["Prompt", "Answer", "KeyPoints", "Code", "Section", "Source"]

    static let front = """
        <div class="section">{{Section}}</div>
        <div class="prompt">{{Prompt}}</div>
        {{#Code}}<pre class="code"><code>{{Code}}</code></pre>{{/Code}}
        """
    static let back = """
        {{FrontSide}}

        <hr id=answer>

        <div class="answer" data-tags="{{Tags}}">{{Answer}}</div>
        {{#KeyPoints}}<div class="keypoints">{{KeyPoints}}</div>{{/KeyPoints}}
        <div class="source">{{Source}}</div>
        """
    /// Text keeps its line breaks and indentation (`pre-wrap`); code — the Code field, and the
    /// answer of a "Write the code" card (known by its tag) — is monospaced, left aligned and
    /// scrolls sideways instead of wrapping.
    static let css = """
        .card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; text-align: left; color: black; background: white; }
        .nightMode .card, .card.nightMode { color: #eee; background: #1e1e1e; }
        .prompt, .answer, .keypoints { white-space: pre-wrap; }
        .section, .source { font-size: 13px; opacity: 0.7; }
        .keypoints { margin-top: 0.8em; padding-left: 0.8em; border-left: 3px solid #7a7a7a; }
        .answer[data-tags~="rehearse::kind::write-code"] { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 15px;
          white-space: pre; overflow-x: auto; }
        pre.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 15px; white-space: pre; overflow-x: auto;
          padding: 0.6em; background: rgba(127, 127, 127, 0.12); border-radius: 4px; }
        """

    /// What separates the section path in the Section field.
    static let sectionSeparator = " › "

    /// Tags: `rehearse::guide::ID`, `rehearse::kind::KIND`, `rehearse::priority::P`.
    static let tagPrefix = "rehearse::"

    static func tags(guideID: String, card: Card, leech: Bool) -> [String] {
        let guide = guideID.replacingOccurrences(of: " ", with: "_")
        return ["\(tagPrefix)guide::\(guide)", "\(tagPrefix)kind::\(card.kind.rawValue)", "\(tagPrefix)priority::\(card.priority.rawValue)"]
            + (leech ? ["leech"] : [])
    }

    /// The value of the tag `rehearse::KEY::VALUE`, if the note has one.
    static func tagValue(_ key: String, in tags: [String]) -> String? {
        let prefix = "\(tagPrefix)\(key)::"
        return tags.first { $0.lowercased().hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// A predict-the-output or explain-the-code card's prompt is its question, a blank line
    /// and the code: the code goes to the Code field.
    static func splitCode(of card: Card) -> (prompt: String, code: String) {
        guard card.kind == .predictOutput || card.kind == .explainCode, let blank = card.prompt.range(of: "\n\n") else { return (card.prompt, "") }
        return (String(card.prompt[..<blank.lowerBound]), String(card.prompt[blank.upperBound...]))
    }

    /// The prompt back from the Prompt and Code fields.
    static func joinedPrompt(_ prompt: String, code: String) -> String {
        code.isEmpty ? prompt : prompt + "\n\n" + code
    }
}
