import Foundation
import GRDB
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseAnki

/// Anki files that cannot be imported: each refused with the file's name and what is wrong,
/// and nothing already stored changes.
@Suite struct AnkiBadInputTests {
    /// A trainer holding the starter guide with a few answers, and what its store holds.
    static func trainer() async throws -> (Trainer, Store, CardArchive) {
        let store = try Store()
        _ = try store.importGuide(try StarterGuide.pythonDeepDive(), source: StarterGuide.pythonDeepDiveFileName, at: Date())
        let trainer = Trainer(store: store, lab: nil)
        for card in try store.archive().guides[0].entries.prefix(3) {
            _ = try await trainer.answer(AnswerInput(cardID: card.card.id, rating: .good), at: Date())
        }
        return (trainer, store, try store.archive())
    }

    /// Imports `bytes` written to a file called `name`; the refusal's message.
    static func refusal(_ bytes: Data, name: String = "deck.apkg") async throws -> String {
        let (trainer, store, before) = try await trainer()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(Trainer.isAnkiFile(path: path))
        do {
            _ = try await trainer.importAnki(file: path)
            Issue.record("\(name) was imported")
            return ""
        } catch let error as TrainerError {
            #expect(try store.archive() == before)
            #expect(error.description.hasPrefix(path + ": "), "\(error)")
            return error.description
        }
    }

    /// A package holding `entries`, stored.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        var zip = ZipWriter()
        for (name, data) in entries { try zip.add(name, data) }
        return zip.finish()
    }

    /// A schema-11 collection exported by Rehearse, changed by `change`.
    static func collection(_ change: (Database) throws -> Void) async throws -> Data {
        let (trainer, _, _) = try await trainer()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-col-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("p.apkg").path
        _ = try await trainer.exportAnki(guide: nil, withHistory: true, to: package)
        let collection = try #require(try ZipReader(data: Data(contentsOf: URL(fileURLWithPath: package))).contents(of: "collection.anki21"))
        let path = folder.appendingPathComponent("collection.anki21").path
        try collection.write(to: URL(fileURLWithPath: path))
        let queue = try DatabaseQueue(path: path)
        try queue.write(change)
        try queue.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func aTextFileNamedLikeAPackageIsNotAnAnkiPackage() async throws {
        let message = try await Self.refusal(Data("# Not a deck\n\nJust notes.\n".utf8))
        #expect(message.contains("not an Anki package: neither a zip archive"))
        #expect(message.hasSuffix("; import a deck exported from Anki, or rename a guide to .md or .txt"))
    }

    @Test func aCutShortZipHasNoCentralDirectory() async throws {
        let whole = try Self.zip([("meta", Data([0x08, 0x02])), ("collection.anki21", Data(repeating: 7, count: 4000))])
        let message = try await Self.refusal(whole.prefix(whole.count / 2))
        #expect(message.contains("not a zip archive (no central directory); export the deck from Anki again"))
    }

    @Test func aZipWithoutACollectionSaysWhichFileIsMissing() async throws {
        let message = try await Self.refusal(try Self.zip([("meta", Data([0x08, 0x02])), ("media", Data("{}".utf8))]))
        #expect(message.contains("the package has no collection.anki21"))
    }

    @Test func aZipBombStopsAtTheSizeItDeclares() async throws {
        // 64 MiB of zeros deflate to about 64 KiB; the directory claims 1,000 bytes.
        let zeros = try Deflate.deflate(Data(count: 64 << 20))
        var bomb = try Self.zip([("meta", Data([0x08, 0x02])), ("collection.anki21", Data(count: 1000))])
        bomb = Self.replacingStoredEntry(in: bomb, name: "collection.anki21", with: zeros, method: 8)
        let message = try await Self.refusal(bomb)
        #expect(message.contains("unpacks to more than the 1000 bytes it declares"))
    }

    @Test func aPackageOfANewerFormatIsRefused() async throws {
        let message = try await Self.refusal(try Self.zip([("meta", Data([0x08, 0x07])), ("collection.anki21b", Data())]))
        #expect(message.contains("the package's format (version 7) is newer than this version of Rehearse reads"))
    }

    @Test func aCollectionOfANewerSchemaIsRefused() async throws {
        let collection = try await Self.collection { db in try db.execute(sql: "UPDATE col SET ver = 19") }
        let message = try await Self.refusal(try Self.zip([("meta", Data([0x08, 0x02])), ("collection.anki21", collection)]))
        #expect(message.contains("the collection has schema 19, newer than the 18 this version of Rehearse reads"))
    }

    @Test func aDamagedCollectionIsRefused() async throws {
        var collection = try await Self.collection { _ in }
        collection.replaceSubrange(100..<4096, with: Data(repeating: 0xAB, count: 3996))
        let message = try await Self.refusal(collection, name: "collection.anki2")
        #expect(message.contains("not an SQLite database, or it is damaged") || message.contains("cannot be read"), "\(message)")
    }

    @Test func aNoteWithoutAGuidIsRefusedNotACrash() async throws {
        // A note without a guid: the table rebuilt without its NOT NULL, as a damaged or hand-made file may be.
        let collection = try await Self.collection { db in
            try db.execute(sql: """
                ALTER TABLE notes RENAME TO old_notes;
                CREATE TABLE notes (id integer PRIMARY KEY, guid text, mid integer, mod integer, usn integer, tags text, flds text,
                  sfld integer, csum integer, flags integer, data text);
                INSERT INTO notes SELECT * FROM old_notes;
                DROP TABLE old_notes;
                UPDATE notes SET guid = NULL WHERE id = (SELECT min(id) FROM notes);
                """)
        }
        let message = try await Self.refusal(try Self.zip([("collection.anki21", collection)]))
        #expect(message.contains("the collection cannot be read"), "\(message)")
    }

    @Test func aNoteTypeWithNoUsableFieldsMakesNoCard() async throws {
        let collection = try await Self.collection { db in
            try db.execute(sql: "UPDATE notes SET flds = replace(flds, flds, '\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}')")
        }
        let message = try await Self.refusal(try Self.zip([("collection.anki21", collection)]))
        #expect(message.contains("no card could be imported (note "), "\(message)")
        #expect(message.contains("nothing to ask on card 1"), "\(message)")
    }

    @Test func missingMediaAreCountedAndTheCardsStillImported() async throws {
        let collection = try await Self.collection { _ in }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-media-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deck.apkg").path
        try Self.zip([
            ("meta", Data([0x08, 0x02])), ("collection.anki21", collection),
            ("media", Data(#"{"0": "a.png", "1": "b.mp3"}"#.utf8)), ("0", Data([1, 2, 3])),
        ]).write(to: URL(fileURLWithPath: path))
        let store = try Store()
        let outcome = try await Trainer(store: store, lab: nil).importAnki(file: path)
        #expect(outcome.skippedMedia == 2 && outcome.missingMedia == 1)
        #expect(outcome.report.addedCards > 50)
    }

    /// Swaps the body of a stored entry for `body` (compressed with `method`), keeping the
    /// sizes the headers declare: how a zip bomb lies.
    static func replacingStoredEntry(in zip: Data, name: String, with body: Data, method: UInt16) -> Data {
        let reader = try? ZipReader(data: zip)
        guard let entry = reader?.entries.first(where: { $0.name == name }) else { return zip }
        let header = entry.localHeaderOffset
        let start = header + 30 + Int(zip.uint16(at: header + 26)) + Int(zip.uint16(at: header + 28))
        var prefix = Data(zip[..<start])
        prefix[header + 8] = UInt8(method & 0xFF)
        prefix[header + 9] = UInt8(method >> 8)
        let compressedSize = UInt32(body.count)
        for index in 0..<4 { prefix[header + 18 + index] = UInt8((compressedSize >> (8 * UInt32(index))) & 0xFF) }
        var directory = Data(zip[(start + entry.compressedSize)...])
        let shift = body.count - entry.compressedSize
        // The central directory's own copy of the entry: method and compressed size.
        if let record = directory.range(of: Data([0x50, 0x4B, 0x01, 0x02])) {
            var offset = record.lowerBound
            while offset + 46 <= directory.count, directory.uint32(at: offset) == 0x0201_4B50 {
                let nameLength = Int(directory.uint16(at: offset + 28))
                let entryName = String(decoding: directory[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
                let localOffset = Int(directory.uint32(at: offset + 42))
                if entryName == name {
                    directory[offset + 10] = UInt8(method & 0xFF)
                    directory[offset + 11] = UInt8(method >> 8)
                    for index in 0..<4 { directory[offset + 20 + index] = UInt8((compressedSize >> (8 * UInt32(index))) & 0xFF) }
                } else if localOffset > header {
                    let moved = UInt32(localOffset + shift)
                    for index in 0..<4 { directory[offset + 42 + index] = UInt8((moved >> (8 * UInt32(index))) & 0xFF) }
                }
                offset += 46 + nameLength + Int(directory.uint16(at: offset + 30)) + Int(directory.uint16(at: offset + 32))
            }
            // The end record's directory offset moves by the change in size.
            if let end = directory.range(of: Data([0x50, 0x4B, 0x05, 0x06]), options: .backwards) {
                let old = directory.uint32(at: end.lowerBound + 16)
                let moved = UInt32(Int(old) + shift)
                for index in 0..<4 { directory[end.lowerBound + 16 + index] = UInt8((moved >> (8 * UInt32(index))) & 0xFF) }
            }
        }
        return prefix + body + directory
    }
}
