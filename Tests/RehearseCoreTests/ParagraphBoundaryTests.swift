import Foundation
import Testing

@testable import RehearseCore

/// Where one paragraph, list or answer of a flat guide ends and the next begins, when
/// nothing but the words says so.
@Suite struct ParagraphBoundaryTests {
    @Test func aSentenceAfterAShortListItemIsNotItsWrappedEnd() throws {
        let guide = try GuideReader().read(text: """
            Sagas

            Example (booking a trip):
            1. Reserve flight → compensate: cancel flight
            2. Charge card → compensate: refund
            If step 2 fails, run the compensation of step 1.
            """, fileName: "sagas.txt")
        #expect(guide.items.map(\.content) == [
            .definition(term: "Reserve flight → compensate", definition: "cancel flight", context: "Example (booking a trip)"),
            .definition(term: "Charge card → compensate", definition: "refund", context: "Example (booking a trip)"),
            .concept(title: "Sagas", text: "If step 2 fails, run the compensation of step 1."),
        ])
        // A long item does wrap onto a capitalised word: `GIL-free` goes on its sentence.
        let wrapped = try GuideReader().read(text: """
            Speed-ups

            Ways around the lock:
            1. C extensions that release the interpreter's global lock, such as the
            GIL-free parts of NumPy
            """, fileName: "wrapped.txt")
        #expect(wrapped.items.map(\.content) == [
            .concept(title: "Ways around the lock",
                     text: "1. C extensions that release the interpreter's global lock, such as the GIL-free parts of NumPy"),
        ])
        #expect(ItemExtractor.fitsOnShortItem("If step 2 fails", after: "2. Charge card → compensate: refund"))
        // A release note wrapped at 60 columns: `SHA256,` did not fit.
        #expect(!ItemExtractor.fitsOnShortItem("SHA256, for processors supporting crypto extensions.",
                                               after: "* New ARM64 implementation of AES, GCM, Chacha, SHA1 and"))
        // A label's text is the end of a longer line: its length says nothing.
        #expect(!ItemExtractor.fitsOnShortItem("This was a semi-public interface", after: "man page"))
    }

    /// A labelled line right after a label's list is a term of its own, not the list's end.
    @Test func aTermAfterALabelsListStandsOnItsOwn() throws {
        let guide = try GuideReader().read(text: """
            Partitioning

            Consistent hashing
            Cons:
            - Uneven load with few servers
            - Hot keys still land on one server
            Fix for uneven load: give each server 100 to 200 virtual nodes on the ring.
            """, fileName: "ring.txt")
        #expect(guide.items.map(\.content) == [
            .concept(title: "Cons", text: "- Uneven load with few servers\n- Hot keys still land on one server"),
            .concept(title: "Fix for uneven load", text: "give each server 100 to 200 virtual nodes on the ring."),
        ])
    }

    @Test func aBehaviouralPromptRightUnderAnAnswerAsksAnew() throws {
        let guide = try GuideReader().read(text: """
            Questions to Expect

            Q: Two-phase commit vs saga?
            A: 2PC blocks if the coordinator dies; sagas stay available.
            Tell me about a time you debugged a distributed system.
            Situation: duplicate charges after a deploy.
            Result: we added idempotency keys.
            """, fileName: "prompts.txt")
        #expect(guide.items.map(\.content) == [
            .qa(question: "Two-phase commit vs saga?", answer: "2PC blocks if the coordinator dies; sagas stay available."),
            .qa(question: "Tell me about a time you debugged a distributed system.",
                answer: "Situation: duplicate charges after a deploy.\nResult: we added idempotency keys."),
        ])
    }

    @Test func aNumberedContentsEndsAtTheFirstSectionAndNumberedHeadingsNameItsEntries() throws {
        let guide = try GuideReader().read(text: """
            09 — SQL Interview Prep
            Contents
            1. Window Functions
            2. Indexing Strategy
            1. Window Functions
            Window functions compute over related rows without collapsing them.
            2. Indexing Strategy
            Put the most selective equality column first.
            """, fileName: "09-sql.txt")
        #expect(guide.sections.map(\.title) == ["Window Functions", "Indexing Strategy"])
        #expect(guide.items.map(\.section) == [["Window Functions"], ["Indexing Strategy"]])
    }

    @Test func aTermDefinedWithADashUnderAnotherIsNoHeading() throws {
        let guide = try GuideReader().read(text: """
            Guide
            Transactions
            ACID
            Atomicity — all or nothing
            Durability — committed data survives a crash (WAL)
            Isolation anomalies by level:
            Level Dirty read Phantom
            Read committed Prevented Possible
            Serializable Prevented Prevented
            """, fileName: "acid.txt")
        #expect(guide.items.map(\.content).prefix(2) == [
            .definition(term: "Atomicity", definition: "all or nothing", context: "ACID"),
            .definition(term: "Durability", definition: "committed data survives a crash (WAL)", context: "ACID"),
        ])
        #expect(guide.items.map(\.section) == [["Transactions", "ACID"], ["Transactions", "ACID"], ["Transactions", "ACID"]])
    }
}
