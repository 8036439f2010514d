import Foundation
import RehearseCore
import RehearseStore

/// An Anki collection as Rehearse guides: each top-level deck a guide, its sub-decks the
/// sections, each Anki card a Rehearse card with its schedule, marks and reviews.
///
/// Notes of Rehearse's own note type come back exactly as they left (ids, kinds, key
/// points, sections). Other notes are rendered through their templates, as Anki shows them
/// (basic, reversed, optional-reversed, type-in and cloze note types, and any template made
/// of fields and conditionals), and their HTML is cleaned to text. Memory states are
/// recomputed from the review log with Rehearse's FSRS parameters, as `rehearse fsrs states`
/// does; a card reviewed but without a log keeps the state Anki stored.
///
/// ```swift
/// let imported = try AnkiImport(path: "deck.apkg", memory: MemoryModel())
/// try store.restore(imported.archive, source: "deck.apkg", at: .now)
/// ```
public struct AnkiImport: Sendable {
    public var archive: CardArchive
    /// Images and sounds left out (in fields, or listed in the package).
    public var skippedMedia = 0
    /// Media files the package lists but does not hold (they would be skipped anyway).
    public var missingMedia = 0
    /// Notes that made no card, with why (no text on the question side, an unknown note type).
    public var skippedNotes: [String] = []
    /// Review-log entries left out: manual reschedules and entries of cards not imported.
    public var skippedReviews = 0

    /// Reads the Anki file at `path` (`.apkg`, `.colpkg` or `collection.anki2`).
    public init(path: String, memory: MemoryModel = MemoryModel(), now: Date = Date()) throws(AnkiPackageError) {
        let collection = try AnkiPackageReader.read(path: path, now: now)
        self.init(collection, memory: memory, source: (path as NSString).lastPathComponent, now: now)
        if archive.guides.isEmpty {
            throw AnkiPackageError(path: path, reason: "no card could be imported" + (skippedNotes.first.map { " (\($0))" } ?? " (the collection is empty)"))
        }
    }

    init(_ collection: AnkiCollection, memory: MemoryModel, source: String, now: Date) {
        archive = CardArchive(guides: [])
        skippedMedia = collection.media.listed
        missingMedia = collection.media.missing
        let notes = Dictionary(uniqueKeysWithValues: collection.notes.map { ($0.id, $0) })
        var reviews: [Int64: [AnkiCollection.RevlogEntry]] = [:]
        for entry in collection.revlog { reviews[entry.cardID, default: []].append(entry) }
        var guides: [String: CardArchive.Guide] = [:]
        var order: [String] = []
        var notedSkips = Set<Int64>()
        for card in collection.cards {
            guard let note = notes[card.noteID], let notetype = collection.notetypes[note.notetypeID] else {
                if notedSkips.insert(card.noteID).inserted { skippedNotes.append("note \(card.noteID): its note type is missing") }
                continue
            }
            let deckPath = collection.decks[card.originalDeckID != 0 ? card.originalDeckID : card.deckID] ?? ["Default"]
            guard let content = content(of: card, note: note, notetype: notetype, deckPath: deckPath) else {
                if notedSkips.insert(note.id).inserted {
                    skippedNotes.append("note \(note.id) (\(notetype.name)): nothing to ask on card \(card.ordinal + 1)")
                }
                continue
            }
            if guides[content.guideID] == nil {
                order.append(content.guideID)
                guides[content.guideID] = CardArchive.Guide(
                    id: content.guideID, title: deckPath.first, priority: content.card.priority, source: source, entries: [])
            }
            var entry = AnkiScheduleImport.entry(
                card: content.card, from: card, reviews: reviews.removeValue(forKey: card.id) ?? [], days: collection.days, memory: memory,
                preferStoredMemory: content.isOwn, now: now)
            entry.card.position = guides[content.guideID]?.entries.count ?? 0
            entry.modifiedAt = Date(timeIntervalSince1970: Double(note.modified))
            if note.tags.contains(where: { $0.lowercased() == "leech" }) { entry.mark.leech = true }
            guides[content.guideID]?.entries.append(entry)
        }
        archive.guides = order.compactMap { guides[$0] }
        skippedReviews = collection.revlog.count - archive.guides.reduce(0) { $0 + $1.entries.reduce(0) { $0 + $1.reviews.count } }
    }

    private struct Content {
        var guideID: String
        var card: Card
        /// A note of Rehearse's own note type.
        var isOwn = false
    }

    /// The Rehearse card an Anki card becomes; nil when its question side has no text.
    private mutating func content(
        of card: AnkiCollection.Card, note: AnkiCollection.Note, notetype: AnkiCollection.Notetype, deckPath: [String]
    ) -> Content? {
        var fields: [String: String] = [:]
        for (index, name) in notetype.fields.enumerated() where index < note.fields.count { fields[name] = note.fields[index] }
        if notetype.name == RehearseNotetype.name, RehearseNotetype.fields.allSatisfy({ fields[$0] != nil }) {
            return ownContent(note: note, fields: fields, deckPath: deckPath)
        }
        let guideID = Self.guideID(deck: deckPath.first ?? "Default")
        var prompt: String
        var answer: String
        if notetype.isCloze {
            guard let template = notetype.templates.first else { return nil }
            let number = card.ordinal + 1
            prompt = text(AnkiTemplate.render(template.front, fields: fields, cloze: number))
            let clozed = AnkiTemplate.fieldNames(in: template.front).compactMap { fields[$0] }.joined(separator: "\n")
            let deleted = AnkiCloze.deletions(in: clozed, number: number).map { text($0) }
            let extra = AnkiTemplate.fieldNames(in: template.back).filter { !AnkiTemplate.fieldNames(in: template.front).contains($0) }
                .compactMap { fields[$0] }.map { text($0) }.filter { !$0.isEmpty }
            answer = (deleted + extra).joined(separator: "\n")
        } else {
            guard notetype.templates.indices.contains(card.ordinal) else { return nil }
            let template = notetype.templates[card.ordinal]
            prompt = text(AnkiTemplate.render(template.front, fields: fields))
            var back = AnkiTemplate.render(template.back, fields: fields, side: .answer)
            if let divider = back.range(of: "<hr id=answer>", options: .caseInsensitive) ?? back.range(of: "<hr id=\"answer\">", options: .caseInsensitive) {
                back = String(back[divider.upperBound...])
            }
            answer = text(back)
        }
        guard !prompt.isEmpty else { return nil }
        if answer.isEmpty { answer = prompt }
        let section = Array(deckPath.dropFirst())
        let identity = "anki \(note.guid.utf8.map { String($0, radix: 16) }.joined()) \(card.ordinal)"
        return Content(guideID: guideID, card: Card(
            id: CardID.make(guideID: guideID, section: [], kind: .qa, identity: identity), guideID: guideID, kind: .qa, section: section,
            prompt: prompt, answer: answer, keypoints: [], priority: .medium, position: 0))
    }

    /// A note of Rehearse's own note type: its fields and tags are the card.
    private mutating func ownContent(note: AnkiCollection.Note, fields: [String: String], deckPath: [String]) -> Content? {
        func field(_ name: String) -> String {
            AnkiHTML.text(fromHTML: fields[name] ?? "", media: &skippedMedia, tidy: false)
        }
        let guideID = RehearseNotetype.tagValue("guide", in: note.tags) ?? Self.guideID(deck: deckPath.first ?? "Default")
        let kind = RehearseNotetype.tagValue("kind", in: note.tags).flatMap(Card.Kind.init) ?? .qa
        let priority = RehearseNotetype.tagValue("priority", in: note.tags).flatMap(Priority.init(rawValue:)) ?? .medium
        let prompt = RehearseNotetype.joinedPrompt(field("Prompt"), code: field("Code"))
        guard !prompt.isEmpty else { return nil }
        let section = field("Section")
        let keypoints = field("KeyPoints")
        let isCardID = note.guid.count == 16 && note.guid.allSatisfy(\.isHexDigit)
        let id = isCardID ? note.guid : CardID.make(guideID: guideID, section: [], kind: kind, identity: "anki \(note.guid)")
        return Content(guideID: guideID, card: Card(
            id: id, guideID: guideID, kind: kind,
            section: section.isEmpty ? [] : section.components(separatedBy: RehearseNotetype.sectionSeparator), prompt: prompt,
            answer: field("Answer"), keypoints: keypoints.isEmpty ? [] : keypoints.components(separatedBy: "\n"), priority: priority,
            position: 0), isOwn: true)
    }

    private mutating func text(_ html: String) -> String {
        AnkiHTML.text(fromHTML: html, media: &skippedMedia)
    }

    /// A guide id from a deck name: `anki-` and the name in lower case, runs of other
    /// characters than letters and digits as one dash.
    static func guideID(deck: String) -> String {
        var slug = ""
        for character in deck.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return "anki-" + (trimmed.isEmpty ? "deck" : trimmed)
    }
}
