import Foundation
import Testing

@testable import RehearseCore

/// Notes written as flashcards (`Fixtures/flashcards.txt`): `Ques 1.` / `Ans.` markers,
/// `Front:` / `Back:` pairs, and a deck pasted with a tab between the sides, as a deck
/// exported to text reads, or written as a two-column table of questions and answers.
struct FlashcardTests {
    static func cards(_ guide: Guide, in section: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: guide.items.compactMap { item in
            if case .qa(let question, let answer) = item.content, item.section == [section] { (question, answer) } else { nil }
        })
    }

    @Test func quesAndAnsMarkQuestionsAndAnswers() throws {
        let guide = try TestFiles.fixture("flashcards.txt")
        #expect(Self.cards(guide, in: "Processes") == [
            "What is a zombie process?": "A child that has exited but whose parent has not yet read its exit status.",
            "What is thrashing?": "The system spends more time paging than running, because the working sets do not fit in memory.",
        ])
        #expect(Substring("Ques: Why?").questionText == "Why?")
        #expect(Substring("Ans: yes").answerText == "yes")
        #expect(Substring("Answer. It depends.").answerText == "It depends.")
        #expect(Substring("Q. What is a heap?").questionText == "What is a heap?")
        // Words that only start like a marker, and a list item lettered A, are none.
        #expect(!Substring("Questions: see below").startsQuestion)
        #expect(!Substring("Anscombe's quartet: four data sets").startsAnswer)
        #expect(!Substring("A. First option").startsAnswer)
        #expect(Substring("Ans 2. no").startsAnswerOnlyUnderQuestion)
        #expect(Substring("✅ Use a cursor").startsAnswerOnlyUnderQuestion)
        #expect(!Substring("Ans. no").startsAnswerOnlyUnderQuestion)
    }

    @Test func frontAndBackPairsAreCards() throws {
        let guide = try TestFiles.fixture("flashcards.txt")
        #expect(Self.cards(guide, in: "Flashcards") == [
            "What does fork() return in the child?": "Zero.",
            "What does a context switch save?": "The registers, the program counter and the stack pointer of the process.",
        ])
    }

    @Test func aDeckPastedWithTabsIsCardsAndATableStaysATable() throws {
        let guide = try TestFiles.fixture("flashcards.txt")
        #expect(Self.cards(guide, in: "Deck") == [
            "TCP vs UDP": "TCP is connection-oriented and reliable; UDP is neither.",
            "What is a SYN flood?": "An attack that opens half-connections until the server runs out of slots.",
            "What port does DNS use?": "53, over UDP and TCP.",
        ])
        let table = guide.items.first { $0.section == ["Shell"] }?.content
        #expect(table == .table(header: ["Command", "What it does"], rows: [["ls", "lists a folder"], ["cd", "changes the folder"]]))
        #expect(!ItemExtractor.isDeck([["Command", "What it does"], ["ls", "lists a folder"]]))
        #expect(ItemExtractor.namesColumns(["Front", "Back"]))
    }

    @Test func aMarkdownTableOfQuestionsAndAnswersIsCards() throws {
        let guide = try GuideReader().read(
            text: """
                # Kafka

                ## Review

                | Question | Answer |
                |---|---|
                | What orders messages? | The partition. |
                | What tracks progress? | The consumer's committed offset. |
                """, fileName: "kafka.md")
        #expect(Self.cards(guide, in: "Review") == ["What orders messages?": "The partition.", "What tracks progress?": "The consumer's committed offset."])
        #expect(guide.items.first { $0.content == .qa(question: "What tracks progress?", answer: "The consumer's committed offset.") }?.lines == 8...8)
    }
}
