import Foundation
import Testing

/// `rehearse export anki` and `rehearse import` of an Anki file, as a user runs them.
@Suite struct AnkiCommandTests {
    @Test func exportThenImportIntoAnotherDatabaseAndAgain() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.sqlite").path
        let second = folder.appendingPathComponent("second.sqlite").path
        let package = folder.appendingPathComponent("python.apkg").path
        #expect(try CLI.run(["import", "--no-lab", "--db", first, CLI.userGuide]).status == 0)
        let cards = try #require(try CLI.query(first, "select count(*) from card").first.flatMap { ($0 as? [Any])?.first as? Int })

        let export = try CLI.run(["export", "anki", "--db", first, "--with-history", "-o", package])
        #expect(export.status == 0, "\(export.error)")
        #expect(export.output.hasPrefix("\(package): \(cards) cards in "), "\(export.output)")
        #expect(export.output.hasSuffix(", 0 reviews\n"), "\(export.output)")

        let imported = try CLI.run(["import", "--db", second, package])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("\(package): 03-python-deep-dive: \(cards) added, 0 changed, 0 unchanged; 0 reviews added"), "\(imported.output)")
        let again = try CLI.run(["import", "--db", second, package])
        #expect(again.output.contains(": 0 added, 0 changed, \(cards) unchanged; 0 reviews added, 0 schedules taken from the file"), "\(again.output)")
        #expect(try CLI.query(second, "select count(*) from card").first.flatMap { ($0 as? [Any])?.first as? Int } == cards)
    }

    @Test func badAnkiFilesAndGuidesAreRefusedByName() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("db.sqlite").path
        let fake = folder.appendingPathComponent("deck.apkg")
        try Data("just some notes\n".utf8).write(to: fake)
        let refused = try CLI.run(["import", "--db", db, fake.path])
        #expect(refused.status == 2)
        #expect(refused.error.contains("\(fake.path): not an Anki package: neither a zip archive"), "\(refused.error)")

        let unknown = try CLI.run(["export", "anki", "--db", db, "--guide", "nope", "-o", folder.appendingPathComponent("x.apkg").path])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("no guide with id nope"), "\(unknown.error)")

        #expect(try CLI.run(["import", "--no-lab", "--db", db, CLI.userGuide]).status == 0)
        let unwritable = folder.appendingPathComponent("missing/folder/x.apkg").path
        let failed = try CLI.run(["export", "anki", "--db", db, "-o", unwritable])
        #expect(failed.status == 2)
        #expect(failed.error.contains("\(unwritable): cannot be written: the folder \(folder.path)/missing/folder does not exist"), "\(failed.error)")
    }
}
