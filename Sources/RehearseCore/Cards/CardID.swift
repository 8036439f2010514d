/// The one recipe for a card's id, a compatibility promise: a user's review history is
/// joined to cards by these ids, so a card must get the same id from every version of
/// Rehearse.
///
/// The id is FNV-1a (64-bit, as 16 lower-case hex digits) over four parts separated by
/// U+001E: the guide id, the section path joined with U+001F, the kind's raw value and the
/// card's identity (its question, term, claim, …, see ``CardFactory``). Each part is
/// ASCII-lower-cased with runs of white space folded to one space and trimmed, so re-wrapping
/// or re-casing a question keeps the card. `Tests/RehearseCoreTests/Fixtures/card-ids.json`
/// pins the ids of the bundled guides and fixtures.
public enum CardID {
    /// The id of the card of `kind` named by `identity` in a guide's section.
    public static func make(guideID: String, section: [String], kind: Card.Kind, identity: String) -> String {
        StableID.render(StableID.hash([guideID, section.joined(separator: "\u{1F}"), kind.rawValue, identity]), occurrence: 1)
    }
}
