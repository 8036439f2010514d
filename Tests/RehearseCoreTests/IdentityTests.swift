import Foundation
import Testing

@testable import RehearseCore

/// Card and item ids are a compatibility promise: a user's review history is joined to
/// cards by id, so an id recipe that changes orphans every user's reviews. These tests pin
/// the ids of the bundled starter guide and the in-repo fixtures.
///
/// When a change of recipe is deliberate (it needs a migration of stored ids), regenerate
/// the pinned file with `REHEARSE_WRITE_IDENTITY=1 swift test --filter IdentityTests`.
@Suite struct IdentityTests {
    struct Pinned: Codable, Equatable {
        struct PinnedCard: Codable, Equatable {
            var id: String
            var kind: String
            var prompt: String
        }

        var cards: [PinnedCard]
        var items: [String]
    }

    static let fixtures = ["awkward-cases.md", "awkward-cases.txt", "no-headings.txt"]

    static func identities() throws -> [String: Pinned] {
        var guides = try Dictionary(uniqueKeysWithValues: fixtures.map { ($0, try TestFiles.fixture($0)) })
        guides[StarterGuide.pythonDeepDiveFileName] = try StarterGuide.pythonDeepDive()
        return guides.mapValues { guide in
            let snippets = guide.items.filter { if case .code = $0.content { true } else { false } }
            // A predict-the-output card for every snippet, as if each had printed "1".
            let report = LabReport(
                python: "3", isolation: "none",
                snippets: snippets.map { SnippetResult(id: $0.id, firstLine: "", language: "python", status: .runs, output: "1\n", error: nil, package: nil) },
                claims: [])
            let cards = CardFactory.cards(from: guide) + PredictOutputCards.cards(guide: guide, first: report.snippets, again: report.snippets)
            return Pinned(
                cards: cards.map { Pinned.PinnedCard(id: $0.id, kind: $0.kind.rawValue, prompt: String($0.prompt.prefix(60))) },
                items: guide.items.map(\.id))
        }
    }

    static var pinnedFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/identity/ids.json")
    }

    @Test func cardAndItemIdsOfTheBundledGuidesAndFixturesAreThePinnedOnes() throws {
        let actual = try Self.identities()
        if ProcessInfo.processInfo.environment["REHEARSE_WRITE_IDENTITY"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(actual).write(to: Self.pinnedFile)
        }
        let pinned = try JSONDecoder().decode([String: Pinned].self, from: TestFiles.fixtureData("identity/ids.json"))
        #expect(pinned.keys.sorted() == actual.keys.sorted())
        for (name, guide) in pinned {
            let now = try #require(actual[name])
            #expect(now.cards.count == guide.cards.count, "\(name): card count")
            for (old, new) in zip(guide.cards, now.cards) where old != new {
                Issue.record("\(name): the card \"\(old.prompt)\" was \(old.id), is now \(new.id): its reviews would be orphaned")
            }
            #expect(now.items == guide.items, "\(name): item ids changed")
            #expect(now.cards.contains { $0.kind == "predict-output" } || name.hasSuffix(".txt"))
        }
    }

    @Test func theRecipeIgnoresCaseAndWhiteSpaceButNotWords() {
        let id = CardID.make(guideID: "03-python", section: ["Concurrency", "GIL"], kind: .qa, identity: "What is the GIL?")
        #expect(id == CardID.make(guideID: "03-python", section: ["Concurrency", "GIL"], kind: .qa, identity: "  what is   the\nGIL? "))
        #expect(id != CardID.make(guideID: "03-python", section: ["Concurrency", "GIL"], kind: .qa, identity: "What is a GIL?"))
        #expect(id != CardID.make(guideID: "03-python", section: ["Concurrency"], kind: .qa, identity: "What is the GIL?"))
        #expect(id != CardID.make(guideID: "03-python", section: ["Concurrency", "GIL"], kind: .concept, identity: "What is the GIL?"))
        // FNV-1a 64 of the four parts, worked out by hand from the documented recipe (outside
        // Swift): written out so that no refactor can change it quietly.
        #expect(id == "63a4c5ee009af48f")
    }
}
