import Foundation

/// Telling an Anki file from a guide by its first bytes, whatever its name.
public enum AnkiFile {
    /// Whether `head` (a file's first bytes) starts a zip archive (a package), an SQLite
    /// database (a bare collection) or notes Anki exported as plain text (``AnkiTextExport``).
    public static func recognises(_ head: Data) -> Bool {
        ZipReader.looksLikeZip(head) || isSQLite(head) || AnkiTextExport.recognises(head)
    }

    static func isSQLite(_ head: Data) -> Bool {
        head.starts(with: Array("SQLite format 3\0".utf8))
    }
}
