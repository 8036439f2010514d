import Foundation
import Testing

@testable import RehearseCore

/// Headings underlined with `===` or `---` (`Fixtures/underlined-headings.txt` and `.md`), as
/// plain-text notes and Markdown's setext headings write them, steps that head their text
/// (`Fixtures/step-headings.txt`), and glossaries of `Term - meaning` lines without list markers.
struct UnderlinedHeadingTests {
    static func terms(_ guide: Guide) -> [String] {
        guide.items.compactMap { item in
            if case .definition(let term, _, _) = item.content { term } else { nil }
        }
    }

    @Test func flatTextHeadingsOverRulesAreSectionsAndTheRulesAreNoContent() throws {
        let guide = try TestFiles.fixture("underlined-headings.txt")
        #expect(guide.title == "Database Internals Cheat Sheet")
        #expect(guide.sections.map(\.title) == ["Indexes", "Transactions"])
        #expect(!guide.items.contains { "\($0.content)".contains("---") || "\($0.content)".contains("===") })
        // The heading ends the answer above it, so the SQL below it is code of its own section.
        let answer = guide.items.compactMap { item -> String? in
            if case .qa(_, let answer) = item.content { answer } else { nil }
        }
        #expect(answer == ["When the query reads a large share of the table, a sequential scan is cheaper."])
        let sql = try #require(guide.codeBlocks.first { $0.language == "sql" })
        #expect(sql.code.hasPrefix("BEGIN;"))
        #expect(guide.items.first { $0.content == .code(language: "sql", code: sql.code, caption: "Example") }?.section == ["Transactions"])
    }

    @Test func linesOfTermDashMeaningAreAGlossary() throws {
        let guide = try TestFiles.fixture("underlined-headings.txt")
        #expect(Self.terms(guide) == ["B-tree", "Hash index", "Covering index"])
        // `ACID => …` is a note's arrow, not Python.
        #expect(guide.codeBlocks.allSatisfy { !$0.code.contains("=>") })
        #expect(!PythonLine("ACID => atomicity, consistency").hasAssignment)
        // A single such line is prose, as before.
        let single = try GuideReader().read(text: "Notes\nCaching\nLRU - evicts the least recently used key.\n", fileName: "single.txt")
        #expect(Self.terms(single).isEmpty)
    }

    @Test func markdownSetextHeadingsAreHeadings() throws {
        let guide = try TestFiles.fixture("underlined-headings.md")
        #expect(guide.title == "Caching Notes")
        #expect(guide.sections.map(\.title) == ["Eviction", "Write policies"])
        let writeBack = guide.items.first { item in
            if case .definition(let term, _, _) = item.content { term == "Write-back" } else { false }
        }
        #expect(writeBack?.section == ["Write policies"])
    }

    @Test func aRuleUnderASentenceOrATableMakesNoHeading() {
        #expect(Substring("-------").underlineLevel(under: "Indexes", strict: true) == 2)
        #expect(Substring("=====").underlineLevel(under: "Title", strict: true) == 1)
        #expect(Substring("---").underlineLevel(under: "The planner reads the whole table.", strict: true) == nil)
        #expect(Substring("---").underlineLevel(under: "A much longer heading line here", strict: true) == nil)
        #expect(Substring("---").underlineLevel(under: "A much longer heading line here", strict: false) == 2)
        #expect(Substring("-----  -----").underlineLevel(under: "name   count", strict: false) == nil)
        #expect(Substring("***").underlineLevel(under: "Heading", strict: false) == nil)
        #expect(Substring("***").isRule)
    }

    @Test func aStepOverItsOwnTextHeadsItAndStepsInARowAreAProcedure() throws {
        let guide = try TestFiles.fixture("step-headings.txt")
        #expect(guide.sections.map(\.title) == ["Step 1: Clarify requirements", "Step 2: Estimate", "Step 3: High-level design", "Common mistakes"])
        // `50M daily users, 40 messages each: …` is a sentence, not a term and its meaning.
        #expect(Self.terms(guide).isEmpty)
        let procedure = try GuideReader().read(
            text: "Algorithms\nSorting\nQuicksort in three steps.\nStep 1: pick a pivot\nStep 2: partition around it\nStep 3: recurse on both halves\n",
            fileName: "steps.txt")
        #expect(procedure.sections.map(\.title) == ["Sorting"])
    }
}
