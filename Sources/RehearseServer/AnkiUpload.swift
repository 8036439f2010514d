import Foundation
import Hummingbird
import RehearseApp

/// Anki files through the web door: a deck package uploaded on the guides page is imported as
/// `rehearse import` imports one, and each guide's page offers its cards as a package.
struct AnkiUpload: Sendable {
    let trainer: Trainer

    /// Streams an uploaded Anki file to a temporary file (refusing more than
    /// ``Trainer/maximumAnkiFileSize``), imports it and answers as a guide upload does, with
    /// the guides and the count of reviews added.
    func receive(
        fileName: String, declaredSize: Int?, first: ByteBuffer?, rest: inout RequestBody.AsyncIterator
    ) async throws -> Response {
        let limit = Trainer.maximumAnkiFileSize
        let tooLarge = Problem(
            .contentTooLarge, "\(fileName): an Anki file uploaded here is at most \(limit >> 20) MiB; import a larger one with rehearse import FILE")
        if let declaredSize, declaredSize > limit { throw tooLarge }
        // In a folder of its own under the name it was sent with: notes exported as text are a
        // deck named after their file.
        // A name that names no file (`..`, `/`) is held as `upload`.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-upload-\(UUID().uuidString)")
        let baseName = (fileName as NSString).lastPathComponent
        let file = folder.appendingPathComponent(["", ".", "..", "/"].contains(baseName) ? "upload" : baseName)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
            FileManager.default.createFile(atPath: file.path, contents: nil), let handle = FileHandle(forWritingAtPath: file.path)
        else {
            throw Problem(.internalServerError,
                          "cannot hold the upload in \(file.path): let the server write to its temporary folder (TMPDIR), or import the file with rehearse import FILE")
        }
        var size = 0
        do {
            defer { try? handle.close() }
            var buffer = first
            while let chunk = buffer {
                size += chunk.readableBytes
                if size > limit { throw tooLarge }
                try handle.write(contentsOf: chunk.readableBytesView)
                buffer = try await rest.next()
            }
        }
        guard size > 0 else { throw Problem(.badRequest, "\(fileName): the file is empty") }
        let outcome: AnkiImportOutcome
        do {
            outcome = try await trainer.importAnki(file: file.path)
        } catch let error as TrainerError {
            // The message names the temporary copy; the user knows the file by its name.
            throw Problem(.badRequest, error.description.replacingOccurrences(of: file.path, with: fileName))
        }
        let report = outcome.report
        var warnings = outcome.skippedNotes.map { "\(fileName): skipped \($0)" }
        if outcome.skippedMedia > 0 { warnings.append("\(fileName): \(outcome.skippedMedia) media files skipped (Rehearse shows text only)") }
        if outcome.missingMedia > 0 { warnings.append("\(fileName): \(outcome.missingMedia) media files are listed but missing from the package") }
        return try Response.json([
            "id": report.guides.first ?? "", "guides": report.guides, "added": report.addedCards, "changed": report.changedCards,
            "retired": 0, "unchanged": report.unchangedCards, "reviews": report.addedReviews, "warnings": warnings, "lab": NSNull(),
        ], status: .created)
    }

    /// A guide's cards, schedules and reviews as an Anki deck package.
    func download(guide id: String) async throws -> Response {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-download-\(UUID().uuidString).apkg")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try await trainer.exportAnki(guide: id, withHistory: true, to: file.path)
        } catch let error as TrainerError {
            throw Problem(error)
        }
        let bytes = try Data(contentsOf: file)
        var headers = HTTPFields()
        headers[.contentType] = "application/octet-stream"
        headers[.contentDisposition] = "attachment; filename=\"\(id).apkg\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
