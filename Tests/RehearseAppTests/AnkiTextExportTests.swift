import Foundation
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseAnki

/// Notes Anki exported as plain text (File > Export, Notes in Plain Text), imported through
/// the same door as a package: `rehearse import deck.txt` and the web upload.
@Suite struct AnkiTextExportTests {
    /// Writes `text` to a file called `name` in a folder of its own and imports it into `store`.
    static func imported(_ text: String, name: String, into store: Store) async throws -> (AnkiImportOutcome, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(Trainer.isAnkiFile(path: path))
        return (try await Trainer(store: store, lab: nil).importAnki(file: path), path)
    }

    /// Anki's header with guid, note type, deck and tags columns, as it writes them.
    static let export = """
        #separator:tab
        #html:true
        #guid column:1
        #notetype column:2
        #deck column:3
        #tags column:6
        Fh6&k1\tBasic\tDatabases::Storage\tWhat does the <b>WAL</b> hold?\tEvery change, written before the pages it touches.<br>A crash replays it.\tdb wal
        Gq2)x0\tCloze\tDatabases::Storage\t{{c1::fsync}} pushes buffered writes to {{c2::the disk::where?}}.\tSlow on spinning disks.\tdb
        Hr8!z4\tBasic\tDatabases::Indexes\t"Why is a ""covering"" index fast?
        (two lines)"\tThe heap is never read &amp; no row is fetched twice.\t

        """

    @Test func notesInPlainTextBecomeCardsFiledByTheirDecks() async throws {
        let store = try Store()
        let (outcome, _) = try await Self.imported(Self.export, name: "collection.txt", into: store)
        #expect(outcome.skippedNotes.isEmpty)
        let guides = try store.archive().guides
        #expect(guides.map(\.title) == ["Databases"])
        let cards = try #require(guides.first).entries.map(\.card)
        #expect(cards.map(\.prompt) == [
            "What does the WAL hold?",
            "[...] pushes buffered writes to the disk.",
            "fsync pushes buffered writes to [where?].",
            "Why is a \"covering\" index fast?\n(two lines)",
        ])
        #expect(cards.map(\.answer) == [
            "Every change, written before the pages it touches.\nA crash replays it.",
            "fsync\nSlow on spinning disks.",
            "the disk\nSlow on spinning disks.",
            "The heap is never read & no row is fetched twice.",
        ])
        #expect(cards.map(\.section) == [["Storage"], ["Storage"], ["Storage"], ["Indexes"]])
    }

    @Test func importingTheSameExportAgainChangesNothing() async throws {
        let store = try Store()
        _ = try await Self.imported(Self.export, name: "collection.txt", into: store)
        let before = try store.archive()
        let (again, _) = try await Self.imported(Self.export, name: "collection.txt", into: store)
        #expect(again.report.addedCards == 0)
        #expect(try store.archive() == before)
    }

    @Test func aPlainTextExportWithoutADeckColumnIsADeckNamedAfterItsFile() async throws {
        let store = try Store()
        let text = "#separator:semicolon\n#html:false\nWhat does x < y test?;Whether x is smaller.\nWhat is 2 ** 3?;8\n"
        _ = try await Self.imported(text, name: "Python basics.txt", into: store)
        let guide = try #require(try store.archive().guides.first)
        #expect(guide.title == "Python basics")
        // Without HTML, a `<` is text, not the start of a tag.
        #expect(guide.entries.map(\.card.prompt) == ["What does x < y test?", "What is 2 ** 3?"])
        #expect(guide.entries.map(\.card.answer) == ["Whether x is smaller.", "8"])
    }

    @Test func aQuotedFieldLeftOpenIsRefusedWithItsLineAndNothingStoredChanges() async throws {
        let store = try Store()
        _ = try store.importGuide(try StarterGuide.pythonDeepDive(), source: StarterGuide.pythonDeepDiveFileName, at: Date())
        let before = try store.archive()
        do {
            _ = try await Self.imported("#separator:tab\n#html:false\nWhat is MVCC?\tRow versions.\n\"Unclosed\tfield\n", name: "broken.txt", into: store)
            Issue.record("an export with an open quote was imported")
        } catch let error as TrainerError {
            #expect(error.description.contains("broken.txt: line 4: a quoted field is not closed"), "\(error)")
        }
        #expect(try store.archive() == before)
    }
}

/// The record reader against fields written as Anki's CSV writer quotes them, and against noise.
@Suite struct AnkiTextRecordTests {
    /// A field as the csv crate writes it: quoted when it holds the separator, a quote, a line
    /// break or starts with `#`, with its quotes doubled.
    static func written(_ field: String, separator: Character) -> String {
        guard field.contains(separator) || field.contains("\"") || field.contains("\n") || field.hasPrefix("#") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test func quotedFieldsReadBackAsWritten() throws {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("ab c\t;,\"\n#é→")
        for separator in ["\t", ";", ","] as [Character] {
            var rows: [[String]] = []
            for _ in 0..<300 {
                let width = Int.random(in: 2...4, using: &generator)
                rows.append((0..<width).map { _ in
                    // A first field is never empty: an empty record is no note.
                    String((0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                })
            }
            let body = rows.map { $0.map { Self.written($0, separator: separator) }.joined(separator: String(separator)) }.joined(separator: "\n")
            let read = try AnkiTextExport.records(Substring(body), separator: separator, firstLine: 1)
            #expect(read.map(\.fields) == rows)
        }
    }

    @Test func noiseIsReadOrRefusedNeverACrash() {
        var generator = SplitMix64(seed: 11)
        let alphabet = Array("#separator:tab\nhtml:true\t\"\";,x{{c1::y}}<b>&amp;\r")
        var refused = 0
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            do {
                _ = try AnkiTextExport.read(Data(("#separator:tab\n" + text).utf8), deckName: "noise", now: Date(timeIntervalSince1970: 0))
            } catch {
                refused += 1
                #expect(error.reason.contains("a quoted field is not closed"))
            }
        }
        #expect(refused > 0 && refused < 5_000)
    }
}
