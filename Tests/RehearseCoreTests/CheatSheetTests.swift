import Foundation
import Testing

@testable import RehearseCore

/// A plain-text cheat sheet (`Fixtures/cheat-sheet.txt`): sections titled between runs of rule
/// characters (`=== 2. Replication ===`), rows of numbers joined to their names by dot leaders
/// (`Disk seek ........ 10 ms`), and the guide's priority as one field of the line of facts under
/// its title (`Last reviewed: March 2026 · Priority: HIGH`).
struct CheatSheetTests {
    @Test func titlesBetweenRulesAreSections() throws {
        let guide = try TestFiles.fixture("cheat-sheet.txt")
        #expect(guide.title == "SYSTEM DESIGN CHEAT SHEET — STORAGE & SCALING")
        let sections = Set(guide.items.compactMap(\.section.first))
        #expect(sections.isSuperset(of: ["1. Numbers to know", "2. Replication", "3. Partitioning", "4. Quick checks"]))
        #expect(!guide.items.contains { "\($0.content)".contains("===") })
        // The next section's title ends the answer above it, and the SQL further on is no part of it.
        let splitBrain = try #require(guide.items.first { item in
            if case .qa(let question, _) = item.content { question == "What is split brain?" } else { false }
        })
        #expect(splitBrain.lines.upperBound < 33)
        let sql = try #require(guide.items.first { item in
            if case .code(let language, _, _) = item.content { language == "sql" } else { false }
        })
        // `Consistent hashing` over its paragraph is a section too: sections of a flat guide
        // without contents are one level deep unless a heading stands right over another.
        #expect(sql.section == ["Consistent hashing"])
    }

    @Test func rowsJoinedByDotLeadersDefineTheirNames() throws {
        let guide = try TestFiles.fixture("cheat-sheet.txt")
        let rows = guide.items.compactMap { item -> [String]? in
            guard case .definition(let term, let definition, _) = item.content, item.section.first == "1. Numbers to know" else { return nil }
            return [term, definition]
        }
        #expect(rows == [["L1 cache reference", "0.5 ns"], ["Main memory reference", "100 ns"], ["SSD random read", "150 µs"],
                         ["Round trip within a datacenter", "0.5 ms"], ["Disk seek", "10 ms"]])
        // The last row is no heading of the lines after it.
        #expect(!guide.items.contains { $0.section.contains { $0.contains("....") } })
    }

    @Test func aPriorityAmongTheFactsUnderTheTitleIsTheGuidesPriority() throws {
        let guide = try TestFiles.fixture("cheat-sheet.txt")
        #expect(guide.priority == .high)
        #expect(ItemExtractor.statedPriority("Owner: data team | Priority: **Low**") == .low)
        #expect(ItemExtractor.statedPriority("Last reviewed: March 2026 · Team: storage") == nil)
        #expect(ItemExtractor.statedPriority("The priority queue · a heap") == nil)
        // In Markdown the line of facts is often quoted under the title.
        let quoted = try GuideReader().read(text: "# PostgreSQL\n\n> Priority: HIGH · Last reviewed: Nov 2026\n\n## MVCC\n\nAn update writes a new row version.\n",
                                            fileName: "postgres.md")
        #expect(quoted.priority == .high)
        #expect(quoted.items.map(\.content) == [.concept(title: "MVCC", text: "An update writes a new row version.")])
    }

    @Test func aFencedTitleNeedsRunsOfOneRuleCharacterAroundAWord() {
        #expect(Substring("=== Replication ===").fencedTitle.map { [String($0.level), String($0.title)] } == ["1", "Replication"])
        #expect(Substring("--- Partitioning ---").fencedTitle?.level == 2)
        #expect(Substring("~~ Quorums ~~").fencedTitle?.level == 3)
        #expect(Substring("*** Summary ***").fencedTitle?.title == "Summary")
        // An SQL comment, emphasis, a Python comment, a rule, a number and a lopsided line are none.
        for line in ["-- note --", "** bold **", "# === Setup ===", "=======", "=== 2024 ===", "=== Setup", "==Setup=="] {
            #expect(Substring(line).fencedTitle == nil, "\(line)")
        }
    }

    @Test func aLeaderOfFourDotsSplitsARowAndAnEllipsisDoesNot() {
        #expect(Substring("Disk seek ........ 10 ms").dashDefined.map { [String($0.term), String($0.definition)] } == ["Disk seek", "10 ms"])
        #expect(Substring("Read 1 MB sequentially from memory …… 250 µs").dashDefined?.term == "Read 1 MB sequentially from memory")
        #expect(Substring("Try ... except").dashDefined == nil)
        #expect(Substring("Disk seek ........ 10 ms").isHeadingCandidate == false)
    }
}
