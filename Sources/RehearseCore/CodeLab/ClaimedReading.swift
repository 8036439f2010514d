/// A block of restored Python whose claims can choose its indentation.
///
/// The reader indents flat Python by the most probable reading, and keeps the close rivals
/// it weighed (``IndentationGuess``). When the claims the block sets up
/// (`longest_unique("abcabcbb") → 3` under `def longest_unique(s):`) do not all hold as
/// read, the code lab runs them again on each rival, most probable first: the first rival
/// under which every one of them holds is what the author wrote, as far as the guide can tell.
///
/// ```swift
/// for block in ClaimedReading.candidates(in: guide, holds: { verdicts[$0] == .holds }) {
///     if let chosen = block.rivals.firstIndex(where: { rival in allHold(block, rival) }) {
///         guide = block.choosing(chosen, in: guide)
///     }
/// }
/// ```
public struct ClaimedReading: Sendable {
    /// The code item.
    public let item: GuideItem
    /// The claims it sets up: their setup is its code, alone or before statements of their own.
    public let claims: [(item: GuideItem, expr: String, expected: String, setup: String)]
    /// The rival readings to try, most probable first: each one's code and the run of the
    /// block it reads differently (nil: the block read again whole, see ``candidates(in:holds:missing:)``).
    public let rivals: [(code: String, run: Int?)]

    /// Most rivals tried per block.
    public static let rivalLimit = 6

    /// The restored blocks of `guide` that set up a claim that does not hold (`holds` is
    /// asked by claim id) and have rival readings: at most ``rivalLimit`` each. When running
    /// a claim said a name the block binds was not defined (`missing`, asked by claim id, gives
    /// it), the block is also read again requiring that name at its top level, as the names
    /// the claims read are (``IndentationReading/Violation/hiddenFromClaims``): the reading
    /// that needs may be one the search let go.
    public static func candidates(in guide: Guide, holds: (String) -> Bool, missing: (String) -> String? = { _ in nil }) -> [ClaimedReading] {
        let claims = guide.items.compactMap { item -> (item: GuideItem, expr: String, expected: String, setup: String)? in
            if case .claim(let expr, let expected, let setup?) = item.content { return (item, expr, expected, setup) }
            return nil
        }
        guard claims.contains(where: { !holds($0.item.id) }) else { return [] }
        return guide.items.compactMap { item in
            guard case .code("python", let code, _) = item.content, let guess = guide.indentationGuess(for: item),
                code.utf8.lazy.filter({ $0 == 0x0A }).count + 1 == item.lines.count
            else { return nil }
            let own = claims.filter { Self.setup($0.setup, startsWith: code) }
            guard own.contains(where: { !holds($0.item.id) }) else { return nil }
            let ranked = guess.runs.enumerated().flatMap { run, reading in reading.rivals.map { (rival: $0, run: run) } }
                .sorted { $0.rival.probability > $1.rival.probability }
            var rivals: [(code: String, run: Int?)] = ranked.prefix(rivalLimit).compactMap { entry in
                entry.rival.code(replacing: code, firstLine: item.lines.lowerBound).map { (code: $0, run: entry.run) }
            }
            let missingNames = own.compactMap { missing($0.item.id) }
            if !missingNames.isEmpty {
                let read = ClaimParser.ClaimLine(claims: own.map { ClaimParser.Claim(expr: $0.expr, expected: $0.expected) }).namesRead
                let again = reread(code, firstLine: item.lines.lowerBound, requiring: read + missingNames)
                if again != code, !rivals.contains(where: { $0.code == again }) { rivals.append((again, nil)) }
            }
            return rivals.isEmpty ? nil : ClaimedReading(item: item, claims: own, rivals: rivals)
        }
    }

    /// `code` restored afresh from its flat lines (its first is line `firstLine` of the file),
    /// with `names` required at its top level.
    private static func reread(_ code: String, firstLine: Int, requiring names: [String]) -> String {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, line in
            (text: line.drop { $0 == " " }, line: firstLine + offset)
        }
        return PythonReindenter.reindent(lines, readAfter: names).code
    }

    /// A claim's setup with rival `rival`'s code in place of the block's.
    public func setup(_ setup: String, rival: Int) -> String {
        rivals[rival].code + setup.dropFirst(code.count)
    }

    /// `guide` with rival `rival` as the block's reading: its code, the setup of its claims,
    /// and its run (every run, for the block read again whole) no longer in doubt: the claims
    /// hold under it and did not under the other.
    /// Ids do not change: an item's id does not depend on white space.
    public func choosing(_ rival: Int, in guide: Guide) -> Guide {
        var guide = guide
        let chosen = rivals[rival]
        let claimIDs = Set(claims.map(\.item.id))
        for index in guide.items.indices {
            let item = guide.items[index]
            if item.id == self.item.id, case .code(let language, _, let caption) = item.content {
                guide.items[index].content = .code(language: language, code: chosen.code, caption: caption)
            } else if claimIDs.contains(item.id), case .claim(let expr, let expected, let setup?) = item.content {
                guide.items[index].content = .claim(expr: expr, expected: expected, setup: self.setup(setup, rival: rival))
            }
        }
        if let position = guide.indentationGuesses.firstIndex(where: { $0.lines == item.lines }) {
            for run in guide.indentationGuesses[position].runs.indices where chosen.run.map({ $0 == run }) ?? true {
                guide.indentationGuesses[position].runs[run].rivals = []
            }
        }
        return guide
    }

    private var code: String {
        if case .code(_, let code, _) = item.content { return code }
        return ""
    }

    /// Whether a claim's setup is `code`, or `code` followed by statements of the claim's own.
    private static func setup(_ setup: String, startsWith code: String) -> Bool {
        guard setup.hasPrefix(code) else { return false }
        let rest = setup.utf8.dropFirst(code.utf8.count)
        return rest.first.map { $0 == 0x0A || $0 == 0x3B } ?? true
    }
}
