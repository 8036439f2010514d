import Foundation

/// Opens what Anki exports: a deck package (`.apkg`), a collection package (`.colpkg`), a
/// bare collection (`collection.anki2`) or notes in plain text (``AnkiTextExport``),
/// recognised by their bytes rather than their name.
///
/// A package's `meta` entry says which collection file it holds: the newest packages hold
/// `collection.anki21b` compressed with Zstandard (schema 18), older ones `collection.anki21`
/// or `collection.anki2` (schema 11). Media files are not read; they are counted.
enum AnkiPackageReader {
    /// What to do about a file that cannot be read, unless its problem says otherwise.
    static let exportAgain = "export the deck from Anki again (File > Export, Anki Deck Package) and import that file"

    /// The largest collection unpacked: 2 GiB.
    static let maximumCollectionSize = 2 << 30

    /// The collection in the file at `path`.
    static func read(path: String, now: Date = Date()) throws(AnkiPackageError) -> AnkiCollection {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw AnkiPackageError(path: path, reason: "cannot be read: \((error as NSError).localizedDescription)")
        }
        do throws(ArchiveProblem) {
            if AnkiTextExport.recognises(data.prefix(16)) {
                let deck = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                return try AnkiTextExport.read(data, deckName: deck, now: now)
            }
            if AnkiFile.isSQLite(data) {
                return try AnkiCollectionReader.read(path: path, now: now)
            }
            guard ZipReader.looksLikeZip(data) else {
                throw ArchiveProblem(
                    "not an Anki package: neither a zip archive (.apkg, .colpkg) nor an SQLite collection (.anki2)",
                    advice: "import a deck exported from Anki, or rename a guide to .md or .txt")
            }
            return try readPackage(ZipReader(data: data), now: now)
        } catch {
            throw error.naming(path, advice: exportAgain)
        }
    }

    private static func readPackage(_ zip: ZipReader, now: Date) throws(ArchiveProblem) -> AnkiCollection {
        let version = try packageVersion(zip)
        let name = ["collection.anki2", "collection.anki21", "collection.anki21b"][version - 1]
        guard var bytes = try zip.contents(of: name, maximumSize: maximumCollectionSize) else {
            throw ArchiveProblem("the package has no \(name), so it holds no collection")
        }
        if version == 3 {
            guard Zstd.isCompressed(bytes) else { throw ArchiveProblem("\(name) is not Zstandard-compressed as its package version says") }
            bytes = try Zstd.decompress(bytes, maximumSize: maximumCollectionSize)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-anki-\(UUID().uuidString).sqlite")
        defer {
            // SQLite keeps a write-ahead log and its index beside a collection in WAL mode, even read-only.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        }
        do {
            try bytes.write(to: file)
        } catch {
            throw ArchiveProblem("cannot unpack the collection to \(file.path): \((error as NSError).localizedDescription)")
        }
        var collection = try AnkiCollectionReader.read(path: file.path, now: now)
        collection.media = try media(zip, compressed: version == 3)
        return collection
    }

    /// The package version from `meta` (1 legacy `.anki2`, 2 legacy `.anki21`, 3 latest); a
    /// package without `meta` is legacy, told apart by which collection file it holds.
    private static func packageVersion(_ zip: ZipReader) throws(ArchiveProblem) -> Int {
        guard let meta = try zip.contents(of: "meta", maximumSize: 1 << 16) else {
            return zip.contains("collection.anki21") ? 2 : 1
        }
        let version = Int(clamping: try ProtobufFields(meta).integer(1))
        guard (1...3).contains(version) else {
            throw ArchiveProblem(
                "the package's format (version \(version)) is newer than this version of Rehearse reads",
                advice: "export it from Anki with \"Support older Anki versions\" ticked")
        }
        return version
    }

    /// How many media files the package lists (a JSON map of entry names in legacy packages,
    /// a compressed protobuf list in the latest, entry *n* holding the *n*th file), and how
    /// many of those entries are missing.
    private static func media(_ zip: ZipReader, compressed: Bool) throws(ArchiveProblem) -> (listed: Int, missing: Int) {
        guard var media = try zip.contents(of: "media", maximumSize: 64 << 20), !media.isEmpty else { return (0, 0) }
        let entries: [String]
        if compressed {
            media = try Zstd.decompress(media, maximumSize: 64 << 20)
            entries = try ProtobufFields(media).messages(1).indices.map(String.init)
        } else {
            guard let map = try? JSONSerialization.jsonObject(with: media) as? [String: Any] else {
                throw ArchiveProblem("the package's media list is not valid JSON")
            }
            entries = Array(map.keys)
        }
        return (entries.count, entries.filter { !zip.contains($0) }.count)
    }
}
