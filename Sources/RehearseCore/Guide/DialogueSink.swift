/// Reads an interview transcript as questions and answers: lines at which two speakers take
/// turns (`Interviewer: How would you limit each user?` / `Candidate: A token bucket per user`)
/// pass on to the sink as `Q:` and `A:` lines, the speaker who asked first asking.
///
/// A transcript is told from a glossary by its labels: a term is defined once, a speaker
/// speaks again. A labelled line that asks a question starts a possible transcript; the
/// blocks after it are held back until the same label speaks again after a second one
/// (a transcript: the held lines are rewritten), or until anything else shows it is not one
/// (they pass on unchanged). In a transcript, lines without a label and code go on the turn
/// before them, headings split it into sections, and a label of a third speaker ends it and
/// its last answer. An asker's turn that asks nothing (`Fine.`) is a question only when an
/// answer follows it; else it goes on the turn before it, unless it only acknowledges that.
struct DialogueSink<Sink: GuideBlockSink>: GuideBlockSink {
    /// The most blocks held back while a possible transcript is decided.
    static var heldLimit: Int { 48 }

    private(set) var sink: Sink
    /// The speakers of the transcript being read, once it is one.
    private var speakers: Speakers?
    /// Blocks held back since a labelled question, and who may answer it (the first other label).
    private var held: [GuideBlock] = []
    private var candidate: Speakers?
    /// An asker's turn that asks nothing, held until an answer shows it was a prompt; else it
    /// passes on as a line of the turn before it (``passRemark()``).
    private var remark: (words: Substring, line: Int)?

    private struct Speakers {
        var asker: Substring
        var answerer: Substring?
    }

    init(_ sink: Sink) { self.sink = sink }

    mutating func consume(_ block: GuideBlock) {
        if candidate != nil { return hold(block) }
        if let current = speakers {
            if case .text(let text, let line) = block, let (speaker, words) = Self.turn(text) {
                if speaker == current.asker { return ask(words, line: line) }
                if speaker == current.answerer {
                    if let prompt = remark.take() { sink.consume(.text("Q: " + prompt.words, line: prompt.line)) }
                    return sink.consume(.text("A: " + words, line: line))
                }
                // A third speaker: the transcript, and its last answer, end here.
                passRemark()
                speakers = nil
                sink.consume(.boundary(line: line))
            } else {
                if case .blank = block {} else { passRemark() }
                return sink.consume(block)
            }
        }
        passRemark()
        // Only a question starts a transcript: its last byte is asked first, as every line passes here.
        if case .text(let text, _) = block, text.utf8.last == 0x3F, let (speaker, _) = Self.turn(text) {
            candidate = Speakers(asker: speaker)
            held = [block]
            return
        }
        sink.consume(block)
    }

    /// An asker's turn: a question, or a remark (`Fine.`, `Walk me through a design.`) that is
    /// one only when an answer follows it.
    private mutating func ask(_ words: Substring, line: Int) {
        passRemark()
        if words.hasSuffix("?") { return sink.consume(.text("Q: " + words, line: line)) }
        remark = (words, line)
    }

    /// Passes on what is still held back, unchanged, and returns the sink.
    mutating func finish() -> Sink {
        while !held.isEmpty { release() }
        passRemark()
        return sink
    }

    /// A remark no answer followed is no prompt. An acknowledgement (`Fine.`, `Makes sense.`:
    /// at most ``acknowledgementWords`` words) says nothing to learn and is dropped; a longer
    /// one (`Me: Then codes need 7 characters of base62.`, drawn from the answer before it) is
    /// still what was said, and goes on the turn before it.
    private mutating func passRemark() {
        guard let said = remark.take(), said.words.wordCount > Self.acknowledgementWords else { return }
        sink.consume(.text(said.words, line: said.line))
    }

    /// The most words of a remark that only acknowledges the answer before it.
    static var acknowledgementWords: Int { 4 }

    private mutating func hold(_ block: GuideBlock) {
        guard var possible = candidate else { return }
        switch block {
        case .heading, .boundary:
            return releaseThenConsume(block)
        case .code where possible.answerer == nil:
            // Code right under the question: a definition that asks, not a transcript.
            return releaseThenConsume(block)
        case .blank, .code:
            held.append(block)
        case .text(let text, _):
            if let (speaker, _) = Self.turn(text) {
                if speaker == possible.asker, possible.answerer != nil {
                    held.append(block)
                    return confirm(possible)
                }
                if possible.answerer == nil, speaker != possible.asker {
                    possible.answerer = speaker
                    candidate = possible
                } else if speaker != possible.answerer {
                    return releaseThenConsume(block)
                }
            } else if possible.answerer == nil {
                // Prose right under the question: a definition that asks, not a transcript.
                return releaseThenConsume(block)
            }
            held.append(block)
        }
        if held.count > Self.heldLimit { releaseThenConsume(nil) }
    }

    /// The held blocks are a transcript: they pass on as questions and answers, and so do the
    /// turns after them.
    private mutating func confirm(_ found: Speakers) {
        let blocks = held
        held = []
        candidate = nil
        speakers = found
        for block in blocks { consume(block) }
    }

    /// The held blocks are no transcript: the first passes on unchanged, and the rest are read
    /// again, since a later one may start a transcript of its own. Then `block`, if any.
    /// Held blocks that are one exchange (``exchange(in:speakers:)``) pass on as its question
    /// and answer instead.
    private mutating func releaseThenConsume(_ block: GuideBlock?) {
        release()
        if let block { consume(block) }
    }

    private mutating func release() {
        guard !held.isEmpty else { return }
        let blocks = held
        held = []
        let exchange = candidate.flatMap { Self.exchange(in: blocks, speakers: $0) }
        candidate = nil
        if let exchange {
            for block in exchange { sink.consume(block) }
            return
        }
        sink.consume(blocks[0])
        for block in blocks.dropFirst() { consume(block) }
    }

    /// One exchange, not followed by another: an interviewer's question (``asksInInterviews(_:)``),
    /// then, past blank lines only, one turn of another speaker (`Interviewer: What if the
    /// database goes down?` / `Candidate: Reads keep working from the cache.`), with the lines
    /// and code that go on it. The blocks as they pass on: the two turns as `Q:` and `A:` lines.
    /// Other labels that ask once are a glossary's terms (`Cold start: Is the cache empty?`).
    private static func exchange(in blocks: [GuideBlock], speakers: Speakers) -> [GuideBlock]? {
        guard let answerer = speakers.answerer, asksInInterviews(speakers.asker), case .text(let asked, let askedLine) = blocks[0], let question = turn(asked),
            let answerIndex = blocks.indices.dropFirst().first(where: { if case .blank = blocks[$0] { false } else { true } }),
            case .text(let said, let answerLine) = blocks[answerIndex], let answer = turn(said), answer.speaker == answerer
        else { return nil }
        let rest = blocks[(answerIndex + 1)...]
        // A second turn of the answerer is more than one exchange: the lines pass on as they were.
        guard !rest.contains(where: { if case .text(let text, _) = $0 { turn(text) != nil } else { false } }) else { return nil }
        return [.text("Q: " + question.words, line: askedLine)] + blocks[1..<answerIndex] + [.text("A: " + answer.words, line: answerLine)] + rest
    }

    /// Whether a speaker's label names the one who asks in an interview: `Interviewer`,
    /// `Interviewer (Sam)`, `Recruiter`, `Hiring manager`.
    static func asksInInterviews(_ speaker: Substring) -> Bool {
        let words = speaker.lowercased().split(separator: " ")
        return words.first.map { ["interviewer", "recruiter"].contains($0) } == true || words.starts(with: ["hiring", "manager"])
    }

    /// A speaker's turn: `Interviewer: …` → the speaker and the words. A speaker is one to three
    /// words of letters that start with a capital, such as `Interviewer`, `Me`, `Hiring
    /// manager` or `Interviewer (Sam)`; `Q:` and `A:` lines are questions and answers already.
    static func turn(_ text: Substring) -> (speaker: Substring, words: Substring)? {
        guard let first = text.utf8.first, first >= 0x41 && first <= 0x5A, !text.startsQuestion, !text.startsAnswer,
            let (label, words) = text.labelled, label.utf8.count <= 30, label.wordCount <= 3,
            label.allSatisfy({ $0.isLetter || " '’()".contains($0) })
        else { return nil }
        return (label, words)
    }
}
