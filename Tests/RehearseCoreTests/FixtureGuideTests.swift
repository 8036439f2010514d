import Foundation
import Testing

@testable import RehearseCore

/// The same awkward guide written twice, as flattened text and as Markdown.
@Suite struct FixtureGuideTests {
    let flat: Guide
    let markdown: Guide

    init() throws {
        flat = try TestFiles.fixture("awkward-cases.txt")
        markdown = try TestFiles.fixture("awkward-cases.md")
    }

    @Test func bothFormatsGiveTheSameOutline() {
        #expect(flat.format == .flatText)
        #expect(markdown.format == .markdown)
        for guide in [flat, markdown] {
            #expect(guide.number == "07")
            #expect(guide.title == "Concurrency Traps")
            #expect(guide.priority == .medium)
            #expect(guide.next == "08-caching.md")
            #expect(guide.sections.map(\.title) == ["Event Loops", "Storage Queries", "Review Questions"])
            #expect(guide.sections[0].children.map(\.title) == ["Why the event loop needs cooperation", "Built-in Functions"])
        }
        #expect(markdown.sections[1].children.map(\.title) == ["Recent orders", "Running the migrations"])
        #expect(flat.sections[1].children.map(\.title) == ["Recent orders", "Running the migrations"])
    }

    @Test func bothFormatsGiveTheSameQuestionsAndClaims() {
        #expect(flat.questions == ["Why must a coroutine await?", "What does len([1, 2, 3]) return?"])
        #expect(markdown.questions == ["Why must a coroutine await?", "What does `len([1, 2, 3])` return?"])
        for guide in [flat, markdown] {
            #expect(guide.items(of: .claim).map(\.content) == [.claim(expr: "len([1, 2, 3])", expected: "3", setup: nil)])
            #expect(guide.items(of: .table).map(\.content) == [
                .table(header: ["Tool", "Best for"], rows: [["asyncio", "many sockets"], ["multiprocessing", "CPU-bound work"]]),
            ])
        }
    }

    @Test func aHeadingThatReadsLikeProseIsStillAHeading() {
        let concept = flat.items.first { if case .concept("What", _) = $0.content { true } else { false } }
        #expect(concept?.section == ["Event Loops", "Why the event loop needs cooperation"])
        #expect(concept?.content == .concept(title: "What", text: "One thread runs every coroutine, so a coroutine that never awaits blocks all the others."))
    }

    @Test func proseThatReadsLikeCodeStaysProse() {
        for guide in [flat, markdown] {
            #expect(!guide.codeBlocks.contains { $0.code.contains("sum(), min()") })
            #expect(guide.items.contains { $0.content == .concept(title: "Built-in Functions", text: "sum(), min() and max() are implemented in C, so prefer them over hand-written loops.") })
        }
    }

    @Test func aQuestionInACodeCommentIsNotAQuestion() throws {
        #expect(!flat.questions.contains { $0.contains("task_done") })
        let worker = try #require(flat.code(containing: "async def worker"))
        #expect(worker.contains("""
                    try:
                        await job.run()
                    # Q: why call task_done in finally?
                    finally:
                        queue.task_done()
            """))
    }

    @Test func aCommentLineStartsANewExampleAtTheMargin() throws {
        let code = try #require(flat.code(containing: "def make_counter"))
        #expect(code.contains("""
            # A second example starts here
            def make_counter():
                count = 0
                def increment():
                    nonlocal count
                    count += 1
                    return count
                return increment
            counter = make_counter()
            """))
        #expect(try PythonParser.error(in: code) == nil)
    }

    @Test func detectsSQLAndShellBlocks() {
        let languages = flat.codeBlocks.map(\.language)
        #expect(languages == ["python", "sql", "shell"])
        #expect(flat.codeBlocks[1].code == "SELECT id, total\nFROM orders\nWHERE created_at > now() - interval '1 day'\nORDER BY created_at DESC;")
        #expect(markdown.codeBlocks.map(\.language) == ["python", "python", "sql", "shell"])
    }

    @Test func markdownCodeKeepsItsIndentation() throws {
        let code = try #require(markdown.code(containing: "async def worker"))
        #expect(code.contains("        job = await queue.get()\n"))
        #expect(try PythonParser.error(in: code) == nil)
    }
}
