import Foundation

/// Reads what Anki writes when notes or cards are exported as plain text (File > Export,
/// "Notes in Plain Text" or "Cards in Plain Text"): header lines (`#separator:tab`,
/// `#html:true`, `#columns:…`, `#deck:…`, `#tags:…`, `#guid column:1`, `#notetype column:2`,
/// `#deck column:3`, `#tags column:6`) over one record per note, its fields split by the
/// separator and quoted as CSV where they hold it, a quote or a line break.
///
/// The notes become an ``AnkiCollection`` with one new card per note (one per cloze number for
/// cloze notes), so that ``AnkiImport`` renders and files them as it does a package's: the first
/// field asks, the others answer, a deck column's `Python::Basics` names the guide and its
/// section, and a file without one is a deck named after the file. A note's id comes from its
/// guid column, or else from its fields, so importing the same file again changes nothing.
enum AnkiTextExport {
    /// Whether `head`, a file's first bytes, starts with the header Anki writes first.
    static func recognises(_ head: Data) -> Bool {
        let bytes = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        return bytes.starts(with: Array("#separator:".utf8)) || bytes.starts(with: Array("#html:".utf8))
    }

    /// The notes of an exported text file; `deckName` names the deck when the file has no deck column.
    static func read(_ data: Data, deckName: String, now: Date) throws(ArchiveProblem) -> AnkiCollection {
        guard let decoded = String(data: data, encoding: .utf8) else {
            throw ArchiveProblem("not UTF-8 text, as Anki writes its plain-text exports", advice: exportAgain)
        }
        var text = Substring(decoded.replacingOccurrences(of: "\r\n", with: "\n"))
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        var header = Header()
        var headerLines = 0
        while text.hasPrefix("#") {
            let line = text.prefix { $0 != "\n" }
            guard let colon = line.firstIndex(of: ":") else { break }
            header.read(key: line[line.index(after: line.startIndex)..<colon], value: line[line.index(after: colon)...])
            text = text[line.endIndex...].dropFirst()
            headerLines += 1
        }
        let records = try Self.records(text, separator: header.separator, firstLine: headerLines + 1)
        return collection(records, header: header, deckName: deckName, now: now)
    }

    /// What to do about a text export that cannot be read.
    static let exportAgain = "export the notes from Anki again (File > Export, Notes in Plain Text) and import that file"

    /// What the header lines say.
    struct Header {
        var separator: Character = "\t"
        var isHTML = false
        var columns: [String] = []
        var deck: String?
        var tags: [String] = []
        /// 1-based columns that hold no field; 0: none.
        var guidColumn = 0, notetypeColumn = 0, deckColumn = 0, tagsColumn = 0

        /// Anki's separator names, or the character itself.
        static let separators: [String: Character] = ["tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"]

        mutating func read(key: Substring, value: Substring) {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            switch key.trimmingCharacters(in: .whitespaces).lowercased() {
            case "separator":
                if let named = Self.separators[trimmed.lowercased()] {
                    separator = named
                } else if value.count == 1, let character = value.first {
                    separator = character
                }
            case "html": isHTML = trimmed.lowercased() == "true"
            case "columns": columns = value.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            case "deck": deck = trimmed
            case "tags": tags = value.split(whereSeparator: \.isWhitespace).map(String.init)
            case "guid column": guidColumn = Int(trimmed) ?? 0
            case "notetype column": notetypeColumn = Int(trimmed) ?? 0
            case "deck column": deckColumn = Int(trimmed) ?? 0
            case "tags column": tagsColumn = Int(trimmed) ?? 0
            default: break
            }
        }

        /// The 1-based columns that hold a note's fields, out of `count`.
        func fieldColumns(_ count: Int) -> [Int] {
            (1...max(count, 1)).filter { ![guidColumn, notetypeColumn, deckColumn, tagsColumn].contains($0) }
        }
    }

    /// The records of the file's body, each with the line it starts on: fields split at
    /// `separator`, a field that starts with `"` read to its closing quote (`""` is a quote),
    /// line breaks included; a line that starts with `#` is a comment.
    static func records(_ body: Substring, separator: Character, firstLine: Int) throws(ArchiveProblem) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false, inComment = false
        var line = firstLine, recordLine = firstLine, quoteLine = firstLine
        var characters = body.makeIterator()
        var pending: Character?
        func endRecord() {
            fields.append(field)
            if fields.count > 1 || !fields[0].isEmpty { records.append((recordLine, fields)) }
            fields = []
            field = ""
            wasQuoted = false
        }
        while let character = pending ?? characters.next() {
            pending = nil
            if inComment {
                if character == "\n" {
                    inComment = false
                    line += 1
                    recordLine = line
                }
                continue
            }
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                quoteLine = line
            case separator:
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "#" where field.isEmpty && fields.isEmpty && !wasQuoted:
                inComment = true
            default:
                field.append(character)
            }
        }
        if quoted { throw ArchiveProblem("line \(quoteLine): a quoted field is not closed", advice: exportAgain) }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    /// The collection the records make: note types by name and shape, decks, notes and new cards.
    private static func collection(_ records: [(line: Int, fields: [String])], header: Header, deckName: String, now: Date) -> AnkiCollection {
        var collection = AnkiCollection(schemaVersion: 18, days: AnkiDayClock.new(at: now))
        var notetypeIDs: [String: Int64] = [:]
        var deckIDs: [String: Int64] = [:]
        var guids = Set<String>()
        let width = records.map(\.fields.count).max() ?? 0
        let fieldColumns = header.fieldColumns(width)
        for (line, row) in records {
            func column(_ number: Int) -> String? { number >= 1 && number <= row.count ? row[number - 1] : nil }
            let values = fieldColumns.map { column($0) ?? "" }
            let fields = header.isHTML ? values : values.map(AnkiHTML.html(fromText:))
            let named = column(header.notetypeColumn)?.trimmingCharacters(in: .whitespaces) ?? ""
            let isCloze = named.lowercased().contains("cloze") || (named.isEmpty && !AnkiCloze.numbers(in: fields.first ?? "").isEmpty)
            let notetypeName = named.isEmpty ? (isCloze ? "Cloze" : "Basic") : named
            let notetypeID = Self.id(of: "\(notetypeName)\u{1F}\(isCloze)", in: &notetypeIDs) { id in
                collection.notetypes[id] = notetype(id: id, name: notetypeName, isCloze: isCloze, labels: fieldColumns.map { column in
                    column <= header.columns.count ? header.columns[column - 1] : ""
                })
            }
            let deck = column(header.deckColumn).flatMap { $0.isEmpty ? nil : $0 } ?? header.deck ?? deckName
            let deckID = Self.id(of: deck, in: &deckIDs) { id in
                collection.decks[id] = deck.components(separatedBy: "::").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            var guid = column(header.guidColumn).flatMap { $0.isEmpty ? nil : $0 } ?? contentID(fields)
            while !guids.insert(guid).inserted { guid += "+" }
            let noteID = Int64(collection.notes.count + 1)
            let tags = header.tags + (column(header.tagsColumn)?.split(whereSeparator: \.isWhitespace).map(String.init) ?? [])
            collection.notes.append(AnkiCollection.Note(id: noteID, guid: guid, notetypeID: notetypeID, modified: Int64(line), tags: tags, fields: fields))
            let ordinals = isCloze ? AnkiCloze.numbers(in: fields.first ?? "").map { $0 - 1 } : [0]
            for ordinal in ordinals.isEmpty ? [0] : ordinals {
                let position = collection.cards.count
                collection.cards.append(AnkiCollection.Card(
                    id: Int64(position + 1), noteID: noteID, deckID: deckID, ordinal: ordinal, type: 0, queue: 0, due: Int64(position),
                    interval: 0, reps: 0, lapses: 0, originalDue: 0, originalDeckID: 0, flags: 0, data: ""))
            }
        }
        return collection
    }

    /// The id `key` has in `ids`, numbered from 1 in the order keys are first seen; `create`
    /// is called with a new key's id.
    private static func id(of key: String, in ids: inout [String: Int64], create: (Int64) -> Void) -> Int64 {
        if let known = ids[key] { return known }
        let id = Int64(ids.count + 1)
        ids[key] = id
        create(id)
        return id
    }

    /// A note type for `labels.count` fields: the first asks (cloze deletions in it for a cloze
    /// note), the others answer. Fields without a label are named as Anki's stock note types name them.
    private static func notetype(id: Int64, name: String, isCloze: Bool, labels: [String]) -> AnkiCollection.Notetype {
        let stock = isCloze ? ["Text", "Back Extra"] : ["Front", "Back"]
        var names: [String] = []
        for (index, label) in labels.enumerated() {
            var name = label.isEmpty ? (index < stock.count ? stock[index] : "Field \(index + 1)") : label
            while names.contains(name) { name += "'" }
            names.append(name)
        }
        let first = names.first ?? stock[0]
        let rest = names.dropFirst().map { "{{\($0)}}" }.joined(separator: "<br>")
        let template = isCloze
            ? AnkiCollection.Template(name: "Cloze", front: "{{cloze:\(first)}}", back: "{{cloze:\(first)}}<br>" + rest)
            : AnkiCollection.Template(name: "Card 1", front: "{{\(first)}}", back: rest)
        return AnkiCollection.Notetype(id: id, name: name, isCloze: isCloze, fields: names.isEmpty ? [first] : names, templates: [template])
    }

    /// A note id made from its fields (FNV-1a, in hex): the same note gets the same id in every import.
    private static func contentID(_ fields: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fields.joined(separator: "\u{1F}").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "text-" + String(hash, radix: 16)
    }
}
