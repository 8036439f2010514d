import Foundation
import Testing

@testable import RehearseCore

/// Interview transcripts (`Fixtures/interview-transcript.txt` and `.md`): two speakers who take
/// turns are questions and answers, not a glossary that defines "Interviewer" again and again;
/// terms defined once stay definitions.
struct TranscriptTests {
    static func pairs(_ guide: Guide) -> [(question: String, answer: String)] {
        guide.items.compactMap { item in
            if case .qa(let question, let answer) = item.content { (question, answer) } else { nil }
        }
    }

    static func terms(_ guide: Guide) -> [String] {
        guide.items.compactMap { item in
            if case .definition(let term, _, _) = item.content { term } else { nil }
        }
    }

    @Test func turnsOfAFlatTranscriptAreQuestionsAndAnswers() throws {
        let guide = try TestFiles.fixture("interview-transcript.txt")
        let pairs = Self.pairs(guide)
        try #require(pairs.map(\.question) == [
            "What does a URL shortener store for each link?", "How long should the code be?",
            "How would you make the codes?", "What happens when a shard's counter is lost?",
        ])
        // An answer goes on over the lines without a label, and holds the code it shows.
        #expect(pairs[1].answer.hasSuffix("even at a thousand new links a second."))
        #expect(pairs[2].answer.contains("def base62(n):\n    digits"))
        #expect(guide.codeBlocks.count == 1)
        // "Fine." asks nothing and nothing answers it: no card.
        #expect(!pairs.contains { $0.question == "Fine." })
        // The glossary below stays a glossary, a definition that asks a question in it too.
        #expect(Self.terms(guide) == ["Redirect", "Base 62", "Hot key", "Cold start"])
    }

    @Test func boldSpeakersAndProblemSolutionPairsInMarkdown() throws {
        let guide = try TestFiles.fixture("interview-transcript.md")
        let pairs = Self.pairs(guide)
        try #require(pairs.map(\.question) == [
            "What does at-least-once delivery promise?", "So how do consumers cope with the repeats?",
            "How would you find the consumer that lags most?", "How do you replay a day of messages?",
        ])
        #expect(pairs[3].answer == "Reset the group's offsets to the first message of that day.")
        #expect(Self.terms(guide) == ["Offset", "Consumer group"])
    }

    @Test func oneExchangeWithAnInterviewerIsAQuestionAndItsAnswer() throws {
        let text = """
            Notes
            Failover
            The replica takes over within a minute.

            Interviewer (Sam): What happens when the primary goes down?

            Candidate: Reads go on from the replicas; writes wait until one is promoted.
            Promotion picks the freshest replica.

            Caching
            Keep hot keys in memory close to the service.
            """
        let guide = try GuideReader().read(text: text, fileName: "failover.txt")
        #expect(Self.pairs(guide).map(\.question) == ["What happens when the primary goes down?"])
        #expect(Self.pairs(guide).first?.answer == "Reads go on from the replicas; writes wait until one is promoted.\nPromotion picks the freshest replica.")
        #expect(Self.terms(guide).isEmpty)
        #expect(DialogueSink<ItemExtractor>.asksInInterviews("Hiring manager"))
        #expect(!DialogueSink<ItemExtractor>.asksInInterviews("Cold start"))
    }

    /// Lines that only look like a transcript pass on unchanged: a label that asks once, a
    /// question under which prose follows, a third label that is no speaker's.
    @Test func whatOnlyLooksLikeATranscriptStaysAsItWas() throws {
        let once = try GuideReader().read(text: "Notes\nTerms\nCold start: Is the cache empty?\nWarm cache: one that holds the hot keys.\n", fileName: "once.txt")
        #expect(Self.terms(once) == ["Cold start", "Warm cache"])
        let prose = try GuideReader().read(
            text: "Notes\nTerms\nSharding: Why split the data?\nBecause one node cannot hold it all.\nSharding: How are keys placed?\n", fileName: "prose.txt")
        #expect(Self.pairs(prose).isEmpty)
        #expect(Self.terms(prose) == ["Sharding", "Sharding"])
        // A third speaker ends the transcript: its line is no turn, and what follows is read as before.
        let third = try GuideReader().read(
            text: """
                Notes
                Talk
                Interviewer: Why a queue?
                Candidate: To absorb bursts.
                Interviewer: And its cost?
                Candidate: Latency.
                Summary: queues trade latency for smoothness.

                Terms
                Candidate: someone who applies.
                """, fileName: "third.txt")
        #expect(Self.pairs(third).map(\.answer) == ["To absorb bursts.", "Latency."])
        #expect(third.items.contains { $0.content == .concept(title: "Summary", text: "queues trade latency for smoothness.") })
        #expect(Self.terms(third) == ["Candidate"])
    }

    /// A turn of the asker that neither asks nor is answered is kept on the answer before it
    /// when it says something; an acknowledgement (`Fine.`) is dropped. `When asked about …,
    /// say: …` is a prompt with its answer on its line, which the wrapped line below goes on.
    @Test func aRemarkNoAnswerFollowsIsKeptWhenItSaysSomething() throws {
        let guide = try GuideReader().read(text: """
            Mock Interview 3
            Clarifying questions
            Me: How many new links a day, and how long do links live?
            Interviewer: 100 million new links a day; links never expire.
            Me: Then 100M × 365 × 10 years is about 365 billion links, so codes need 7 characters of base62.
            Me: What read to write ratio should I assume?
            Interviewer: About a hundred reads per write.
            Me: Fine, thanks.

            Afterwards
            When asked about hot links, say: cache the mapping in Redis with an LRU policy, and put the
            most popular codes in the CDN.
            """, fileName: "mock.txt")
        #expect(Self.pairs(guide).map(\.answer) == [
            "100 million new links a day; links never expire.\nThen 100M × 365 × 10 years is about 365 billion links, so codes need 7 characters of base62.",
            "About a hundred reads per write.",
        ])
        #expect(guide.items.last?.content == .prompt(question: "about hot links", answer: """
            cache the mapping in Redis with an LRU policy, and put the
            most popular codes in the CDN.
            """))
    }

    @Test func aSpeakerIsAShortLabelOfWords() {
        #expect(DialogueSink<ItemExtractor>.turn("Hiring manager: Why us?")?.speaker == "Hiring manager")
        #expect(DialogueSink<ItemExtractor>.turn("Me: A hash map.")?.words == "A hash map.")
        #expect(DialogueSink<ItemExtractor>.turn("Q: What is a heap?") == nil)
        #expect(DialogueSink<ItemExtractor>.turn("x = 3: no") == nil)
        #expect(DialogueSink<ItemExtractor>.turn("Step 2: restart") == nil)
        #expect(DialogueSink<ItemExtractor>.turn("interviewer: hi") == nil)
    }
}
