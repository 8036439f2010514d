import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RehearseApp
import RehearseCore
import RehearseStore
import Testing

@testable import RehearseServer

/// Anki files in the browser: a guide's page downloads its package, the guides page imports one.
@Suite struct AnkiWebTests {
    @Test func aDownloadedPackageUploadsIntoAnotherDatabaseWithItsHistory() async throws {
        let source = try Store()
        _ = try source.importGuide(try StarterGuide.pythonDeepDive(), source: StarterGuide.pythonDeepDiveFileName, at: Date())
        let guideID = try source.guideIDs()[0]
        let trainer = Trainer(store: source, lab: nil)
        let cardIDs = try source.archive().guides[0].entries.prefix(4).map(\.card.id)
        for id in cardIDs { _ = try await trainer.answer(AnswerInput(cardID: id, rating: .good)) }

        let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
        let package = try await app.test(.router) { client -> Data in
            let page = try await client.execute(uri: "/guides/\(guideID)", method: .get)
            #expect(String(buffer: page.body).contains("href=\"/api/guides/\(guideID)/anki.apkg\" download>Download for Anki</a>"))
            let download = try await client.execute(uri: "/api/guides/\(guideID)/anki.apkg", method: .get)
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"\(guideID).apkg\"")
            let missing = try await client.execute(uri: "/api/guides/nope/anki.apkg", method: .get)
            #expect(missing.status == .notFound)
            return Data(buffer: download.body)
        }
        #expect(package.starts(with: [0x50, 0x4B, 0x03, 0x04]))

        let target = try Store()
        let other = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: target, lab: nil))
        try await other.test(.router) { client in
            // Named like a text file: recognised by its bytes.
            let created = try await GuidesAPITests.upload(client, "from-laptop.txt", package)
            #expect(created.status == .created)
            let body = try StudyAPITests.json(created.body)
            #expect(body["guides"] as? [String] == [guideID])
            #expect(body["added"] as? Int == (try source.archive().guides[0].entries.count))
            #expect(body["reviews"] as? Int == 4)
            let again = try StudyAPITests.json(try await GuidesAPITests.upload(client, "from-laptop.apkg", package).body)
            #expect(again["added"] as? Int == 0 && again["reviews"] as? Int == 0)
            let broken = try await GuidesAPITests.upload(client, "broken.apkg", package.prefix(300))
            #expect(broken.status == .badRequest)
            #expect(try StudyAPITests.json(broken.body)["detail"] as? String == "broken.apkg: not a zip archive (no central directory); export the deck from Anki again (File > Export, Anki Deck Package) and import that file")
        }
        #expect(try target.reviewCount() == 4)
    }

    @Test func notesExportedAsTextUploadAsADeckNamedAfterTheirFile() async throws {
        let store = try Store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        let notes = Data("#separator:tab\n#html:false\nWhat does VACUUM reclaim?\tSpace held by dead tuples.\n".utf8)
        try await app.test(.router) { client in
            let created = try await GuidesAPITests.upload(client, "Postgres notes.txt", notes)
            #expect(created.status == .created)
            #expect(try StudyAPITests.json(created.body)["added"] as? Int == 1)
            let open = try await GuidesAPITests.upload(client, "open.txt", Data("#separator:tab\n\"What is MVCC?\tRow versions.\n".utf8))
            #expect(try StudyAPITests.json(open.body)["detail"] as? String
                == "open.txt: line 2: a quoted field is not closed; export the notes from Anki again (File > Export, Notes in Plain Text) and import that file")
        }
        #expect(try store.archive().guides.map(\.title) == ["Postgres notes"])
    }

    @Test func anUploadNamedLikeAFolderIsHeldUnderAPlainName() async throws {
        let store = try Store()
        let app = try await buildApplication(ServerConfiguration(), trainer: Trainer(store: store, lab: nil))
        let notes = Data("#separator:tab\nWhat does VACUUM reclaim?\tSpace held by dead tuples.\n".utf8)
        try await app.test(.router) { client in
            let created = try await GuidesAPITests.upload(client, "..", notes)
            #expect(created.status == .created)
        }
        #expect(try store.archive().guides.map(\.title) == ["upload"])
    }

    @Test func aDeckImportedFromAnkiHasAPageWithoutAnOutline() async throws {
        let source = try Store()
        _ = try source.importGuide(try StarterGuide.pythonDeepDive(), source: StarterGuide.pythonDeepDiveFileName, at: Date())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deck.apkg").path
        _ = try await Trainer(store: source, lab: nil).exportAnki(guide: nil, withHistory: false, to: path)
        let target = try Store()
        let trainer = Trainer(store: target, lab: nil)
        _ = try await trainer.importAnki(file: path)
        let guideID = try target.guideIDs()[0]
        let app = try await buildApplication(ServerConfiguration(), trainer: trainer)
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/guides/\(guideID)", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("Imported from an Anki file. <a href=\"/cards?guide=\(guideID)\">Browse its cards</a>"))
            #expect(html.contains("Download for Anki"))
        }
    }
}
