import Foundation
import Testing

@testable import RehearseCore

/// Headings underlined with `===` or `---` (`Fixtures/underlined-headings.txt` and `.md`), as
/// plain-text notes and Markdown's setext headings write them, steps that head their text
/// (`Fixtures/step-headings.txt`), numbered sections as word processors export them
/// (`Fixtures/numbered-sections.txt`), and glossaries of `Term - meaning` lines without list markers.
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

    @Test func numberedSectionsTakeTheirLevelsFromTheirNumbers() throws {
        let guide = try TestFiles.fixture("numbered-sections.txt")
        #expect(guide.title == "Caching and Indexing: Study Notes")
        #expect(guide.sections == [
            Section(title: "1. Caching", children: [
                Section(title: "1.1 Cache-aside"),
                Section(title: "1.2 Write-through", children: [Section(title: "1.2.1 Failure handling")]),
            ]),
            Section(title: "2. Indexing", children: [Section(title: "2.1 Covering indexes")]),
            Section(title: "References"),
        ])
        let failure = try #require(guide.items.first { "\($0.content)".contains("never stored") })
        #expect(failure.section == ["1. Caching", "1.2 Write-through", "1.2.1 Failure handling"])
        // The numbered steps inside section 2 stay a list: `2. Check that …` heads no section.
        let steps = try #require(guide.items.first { "\($0.content)".contains("Create the index concurrently") })
        #expect(steps.section == ["2. Indexing"])
        #expect("\(steps.content)".contains("Drop the index it replaces"))
        // A card asks about the topic, not its number.
        let prompts = CardFactory.cards(from: guide).filter { $0.kind == .concept }.map(\.prompt)
        #expect(prompts.contains("Caching — Write-through?"))
        #expect(prompts.contains("Write-through — Failure handling?"))
        #expect(Substring("3 Sum").withoutSectionNumber == "3 Sum")
    }

    @Test func captionsAreNoDefinitionsAndCitationsAreResources() throws {
        let guide = try TestFiles.fixture("numbered-sections.txt")
        #expect(Self.terms(guide).isEmpty)
        #expect(Substring("Figure 1: the write path.").labelled == nil)
        #expect(Substring("Fig. 3b: the read path.").labelled == nil)
        #expect(Substring("Table 2.1: sizes").labelled == nil)
        #expect(Substring("Tables: rows and columns").labelled?.label == "Tables")
        #expect(Substring("Source: a talk on replication at a conference").labelled == nil)
        let resources = guide.items.compactMap { item -> String? in
            if case .resource(let title, _, _) = item.content { title } else { nil }
        }
        #expect(resources.count == 2)
        #expect(resources.first?.hasPrefix("Use the index, Luke") == true)
    }

    @Test func numberedListsAloneMakeNoOutline() throws {
        // Lists number no subsections: they stay lists, however their items are spaced.
        let lists = try GuideReader().read(
            text: "Concurrency\nProcesses\n1. Multiprocessing\n\nIt sidesteps the lock.\n\n2. Subinterpreters\n\nEach has its own lock.\n",
            fileName: "lists.txt")
        #expect(lists.sections.map(\.title) == ["Processes"])
        // A chapter's sections (`3.1`, `3.2`) are an outline without a top-level line.
        #expect(SectionOutline.continues([], with: [3, 1]))
        #expect(SectionOutline.continues([3, 1], with: [3, 2]))
        #expect(SectionOutline.continues([1, 2, 4], with: [1, 3]))
        #expect(SectionOutline.continues([1, 2], with: [2]))
        #expect(!SectionOutline.continues([1, 2], with: [1]))
        #expect(!SectionOutline.continues([1, 2], with: [3]))
        #expect(SectionOutline.sectionNumber("2.1 Covering indexes") == [2, 1])
        #expect(SectionOutline.sectionNumber("2. Indexing") == [2])
        #expect(SectionOutline.sectionNumber("2 Indexing") == nil)
        #expect(SectionOutline.sectionNumber("2.5 times faster than before.") == nil)
        #expect(SectionOutline.sectionNumber("3.14 is close to pi") == nil)
    }

    @Test func subsectionNumbersAreNoticedAsTheTextIsScanned() {
        func scanned(_ blocks: [String]) -> Bool {
            var starts = LineStarts()
            var offset = 0
            for block in blocks {
                let bytes = Array(block.utf8)
                bytes.withUnsafeBufferPointer { starts.record($0, at: offset) }
                offset += bytes.count
            }
            return starts.hasSubsectionNumbers
        }
        // A number may be split between two blocks read from a file.
        #expect(scanned(["Intro\n  2", ".1 Quorums\n"]))
        #expect(scanned(["1.1 Quorums\n"]))
        #expect(scanned(["Intro\r\n\r\n\t1", "0", ".", "2 Leases\r\n"]))
        #expect(!scanned(["1. Replication\n2. Partitioning\n", "Version 2.1 added leases\n"]))
        #expect(!scanned(["Intro\n  2", ". Quorums 1.1\n"]))
    }
}
