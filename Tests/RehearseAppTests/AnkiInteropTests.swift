import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

/// Rehearse's Anki packages checked through Anki's own library (`pip install anki` in
/// `.venv-tests`, which `.ci/run` makes): Anki imports what Rehearse exports, and Rehearse
/// imports what Anki exports, field by field and state by state.
@Suite struct AnkiInteropTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = repository.appendingPathComponent(".venv-tests/bin/python").path
    static let script = repository.appendingPathComponent("Tests/RehearseAppTests/Scripts/anki_interop.py").path

    /// Whether Anki's library is installed; in CI it must be.
    static var available: Bool {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        return (try? run(["-c", "import anki"]).status) == 0
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errors = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// Runs the script and decodes the JSON it prints.
    static func anki(_ arguments: String...) throws -> AnkiDump {
        let result = try run([script] + arguments)
        guard result.status == 0 else { throw ScriptFailure(message: result.error) }
        return try JSONDecoder().decode(AnkiDump.self, from: Data(result.output.utf8))
    }

    struct ScriptFailure: Error { var message: String }

    static func skipUnlessAnki() -> Bool {
        if available { return false }
        #expect(ProcessInfo.processInfo.environment["CI"] == nil, "CI must install anki in .venv-tests")
        return true
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func ankiImportsEveryFieldTagDeckStateAndReviewOfAnExport() async throws {
        if Self.skipUnlessAnki() { return }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (trainer, store, now) = try await AnkiRoundTripTests.studiedTrainer()
        let package = folder.appendingPathComponent("python.apkg").path
        try await trainer.exportAnki(guide: nil, withHistory: true, to: package, at: now)
        let dump = try Self.anki("import", package, folder.appendingPathComponent("anki.anki2").path)
        let archive = try store.archive()
        let guide = try #require(archive.guides.first)
        #expect(dump.log?.new == guide.entries.count && dump.log?.duplicate == 0)
        #expect(dump.notes.count == guide.entries.count)
        let notes = Dictionary(uniqueKeysWithValues: dump.notes.map { ($0.guid, $0) })
        let cards = Dictionary(uniqueKeysWithValues: dump.cards.map { ($0.guid, $0) })
        var reviewIDs: [Int64: Set<Int64>] = [:]
        for entry in dump.revlog { reviewIDs[entry.cid, default: []].insert(entry.id) }
        let title = try #require(guide.title)
        #expect(dump.decks.contains(title))
        for entry in guide.entries {
            let card = entry.card
            let note = try #require(notes[card.id], "no note for card \(card.id)")
            let split = card.kind == .predictOutput || card.kind == .explainCode
            let code = split ? card.prompt.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n") : ""
            let prompt = split ? card.prompt.components(separatedBy: "\n\n")[0] : card.prompt
            #expect(note.notetype == "Rehearse")
            #expect(note.fields["Prompt"] == Self.html(prompt))
            #expect(note.fields["Answer"] == Self.html(card.answer))
            #expect(note.fields["KeyPoints"] == Self.html(card.keypoints.joined(separator: "\n")))
            #expect(note.fields["Code"] == Self.html(code))
            #expect(note.fields["Section"] == Self.html(card.section.joined(separator: " › ")))
            #expect(note.fields["Source"] == guide.source)
            #expect(Set(note.tags) == ["rehearse::guide::\(guide.id)", "rehearse::kind::\(card.kind.rawValue)", "rehearse::priority::\(card.priority.rawValue)"])
            let ankiCard = try #require(cards[card.id])
            #expect(ankiCard.deck == ([title] + card.section).joined(separator: "::"))
            #expect(ankiCard.reps == entry.reps && ankiCard.lapses == entry.lapses)
            #expect(ankiCard.flags == entry.mark.flag)
            #expect(reviewIDs[ankiCard.id, default: []] == Set(entry.reviews.map { Int64(($0.at.timeIntervalSince1970 * 1000).rounded()) }))
            let expectedQueue = entry.mark.suspended ? -1 : entry.mark.isBuried(at: now) ? -3 : nil
            guard let schedule = entry.schedule else {
                #expect(ankiCard.type == 0 && ankiCard.queue == (expectedQueue ?? 0) && ankiCard.memory == nil)
                continue
            }
            #expect(ankiCard.queue == expectedQueue ?? (schedule.phase == .review ? 2 : 1))
            let memory = try #require(ankiCard.memory)
            #expect(abs(memory[0] - (schedule.stability ?? 0)) <= 0.0001 + 1e-6 * (schedule.stability ?? 0))
            #expect(abs(memory[1] - (schedule.difficulty ?? 0)) <= 0.001)
            switch schedule.phase {
            case .review:
                #expect(ankiCard.type == 2)
                let start = try #require(ankiCard.dueDayStart)
                #expect(Double(start) <= schedule.due.timeIntervalSince1970 && schedule.due.timeIntervalSince1970 < Double(start + 86_400))
            case .learning, .relearning:
                #expect(ankiCard.type == (schedule.phase == .learning ? 1 : 3))
                #expect(ankiCard.due == Int64(schedule.due.timeIntervalSince1970.rounded()))
            }
        }
        #expect(dump.revlog.count == guide.entries.reduce(0) { $0 + $1.reviews.count })
    }

    @Test func aReexportAfterMoreReviewsUpdatesTheNotesInPlace() async throws {
        if Self.skipUnlessAnki() { return }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (trainer, store, now) = try await AnkiRoundTripTests.studiedTrainer()
        let collection = folder.appendingPathComponent("anki.anki2").path
        let first = folder.appendingPathComponent("first.apkg").path
        try await trainer.exportAnki(guide: nil, withHistory: true, to: first, at: now)
        let before = try Self.anki("import", first, collection)

        let later = now.addingTimeInterval(86_400)
        let ids = try store.archive().guides[0].entries.map(\.card.id)
        for id in ids.suffix(5) { _ = try await trainer.answer(AnswerInput(cardID: id, rating: .good), at: later) }
        try await trainer.editCard(id: ids[0], prompt: "Reworded: what is the GIL?", answer: "A lock in CPython.", keypoints: [], at: later)
        let second = folder.appendingPathComponent("second.apkg").path
        try await trainer.exportAnki(guide: nil, withHistory: true, to: second, at: later)
        let after = try Self.anki("import", second, collection)

        // Anki's importer updates a note whose copy is newer and counts the others as
        // duplicates it left alone; the scheduling of cards it already has stays its own, so
        // the five later reviews are not added to its log.
        #expect(after.log?.new == 0 && after.log?.updated == 1 && after.log?.duplicate == before.notes.count - 1)
        #expect(after.notes.count == before.notes.count && after.cards.count == before.cards.count)
        #expect(after.notes.first { $0.guid == ids[0] }?.fields["Prompt"] == "Reworded: what is the GIL?")
        #expect(after.notes.first { $0.guid == ids[0] }?.fields["Answer"] == "A lock in CPython.")
        #expect(after.revlog.count == before.revlog.count)
    }

    @Test func rehearseImportsAnAnkiCollectionFieldByFieldWithAnkisMemoryStates() async throws {
        if Self.skipUnlessAnki() { return }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("built.apkg").path
        let built = try Self.anki("build", package)
        #expect(built.revlog.count >= 1_000)

        let store = try Store()
        let trainer = Trainer(store: store, lab: nil)
        let now = Date()
        let outcome = try await trainer.importAnki(file: package, at: now)
        #expect(outcome.report.guides == ["anki-interview"])
        #expect(outcome.report.addedCards == built.cards.count)
        #expect(outcome.report.addedReviews == built.revlog.filter { $0.ease > 0 }.count)
        #expect(outcome.skippedMedia >= 2)
        let guide = try #require(try store.archive().guides.first)
        #expect(guide.title == "Interview")
        func entry(_ prompt: String) -> CardArchive.Entry? { guide.entries.first { $0.card.prompt == prompt } }

        let gil = try #require(entry("What does the GIL protect?"))
        #expect(gil.card.answer == "CPython's object memory & reference counts.\nOne thread runs bytecode at a time.")
        #expect(gil.card.section == ["Python"] && gil.mark.flag == 2)
        #expect(entry("list.append")?.card.answer == "adds one item to the end of a list")
        #expect(entry("adds one item to the end of a list")?.card.answer == "list.append")
        #expect(entry("adds one item to the end of a list")?.mark.suspended == true)
        let typed = try #require(entry("Keyword that makes a generator?"))
        #expect(typed.card.answer == "yield" && typed.mark.isBuried(at: now))
        #expect(entry("[...] keeps matching rows; LEFT JOIN keeps every left row.")?.card.answer == "INNER JOIN\nBoth are ANSI SQL.")
        #expect(entry("INNER JOIN keeps matching rows; [which join?] keeps every left row.")?.card.answer == "LEFT JOIN\nBoth are ANSI SQL.")
        #expect(entry("Explain this plan")?.card.answer == "An index scan on users.")
        #expect(entry("Explain this plan")?.card.section == ["SQL"])

        let fronts = Dictionary(uniqueKeysWithValues: built.notes.compactMap { note in note.fields["Front"].map { (note.guid, $0) } })
        var compared = 0
        for card in built.cards where card.reps > 0 {
            let front = try #require(fronts[card.guid])
            let imported = try #require(entry(front), "\(front)")
            let schedule = try #require(imported.schedule)
            #expect(imported.reps == card.reps && imported.lapses == card.lapses)
            #expect(imported.reviews.count == built.revlog.filter { $0.cid == card.id && $0.ease > 0 }.count)
            let computed = try #require(card.computed)
            #expect(abs((schedule.stability ?? 0) - computed[0]) <= 1e-4 * max(1, computed[0]), "\(front): S \(schedule.stability ?? 0) vs Anki \(computed[0])")
            #expect(abs((schedule.difficulty ?? 0) - computed[1]) <= 1e-4 * 10, "\(front): D \(schedule.difficulty ?? 0) vs Anki \(computed[1])")
            if card.type == 2, let start = card.dueDayStart {
                #expect(schedule.phase == .review)
                #expect(Double(start) <= schedule.due.timeIntervalSince1970 && schedule.due.timeIntervalSince1970 < Double(start + 86_400))
            } else {
                #expect(schedule.phase == .learning && schedule.due.timeIntervalSince1970 == Double(card.due))
            }
            compared += 1
        }
        #expect(compared == 40)

        let again = try await trainer.importAnki(file: package, at: now)
        #expect(again.report.addedCards == 0 && again.report.changedCards == 0 && again.report.addedReviews == 0 && again.report.updatedSchedules == 0)

        // The same collection as a collection package, into another database: the same cards and history.
        let other = try Store()
        let whole = try await Trainer(store: other, lab: nil).importAnki(file: folder.appendingPathComponent("built.colpkg").path, at: now)
        #expect(whole.report.addedCards == built.cards.count && whole.report.addedReviews == outcome.report.addedReviews)
        #expect(try other.archive().guides.map(\.entries) == (try store.archive().guides.map(\.entries)))

        // Its notes as Anki writes them in plain text: each note's first card (each deletion of
        // the cloze), asked and answered as the package's, in the same decks; no schedules.
        let notes = try Store()
        let text = try await Trainer(store: notes, lab: nil).importAnki(file: folder.appendingPathComponent("built.txt").path, at: now)
        #expect(text.report.guides == ["anki-interview"] && text.skippedNotes.isEmpty)
        #expect(text.report.addedCards == built.notes.count + 1)
        let fromPackage = Set(guide.entries.map { [$0.card.prompt, $0.card.answer] + $0.card.section })
        let fromText = try #require(try notes.archive().guides.first).entries
        #expect(fromText.allSatisfy { fromPackage.contains([$0.card.prompt, $0.card.answer] + $0.card.section) && $0.schedule == nil })
        #expect(fromText.count == text.report.addedCards)
    }

    /// Text as Rehearse writes it into a field.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}

/// What the script prints of a collection.
struct AnkiDump: Decodable {
    struct Log: Decodable {
        var new: Int
        var updated: Int
        var duplicate: Int
    }

    struct Note: Decodable {
        var guid: String
        var notetype: String
        var fields: [String: String]
        var tags: [String]
    }

    struct Card: Decodable {
        var id: Int64
        var guid: String
        var ord: Int
        var deck: String
        var type: Int
        var queue: Int
        var due: Int64
        var dueDayStart: Int64?
        var ivl: Int
        var reps: Int
        var lapses: Int
        var flags: Int
        var memory: [Double]?
        var computed: [Double]?

        enum CodingKeys: String, CodingKey {
            case id, guid, ord, deck, type, queue, due, ivl, reps, lapses, flags, memory, computed
            case dueDayStart = "due_day_start"
        }
    }

    struct Revlog: Decodable {
        var id: Int64
        var cid: Int64
        var ease: Int
    }

    var log: Log?
    var notes: [Note]
    var cards: [Card]
    var revlog: [Revlog]
    var decks: [String]
}
