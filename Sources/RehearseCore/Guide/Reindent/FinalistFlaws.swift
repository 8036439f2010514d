/// The ``ReadingFlaws`` of the finalists of one search, counted once where they agree.
///
/// The finalists of a run differ in the depths of a few statements, so most of their
/// functions and blocks are laid out alike. What is counted inside a function
/// (``ReadingFlaws/InFunction``) or in a block (``ReadingFlaws/InBlock``) depends only on the
/// statements it spans and their depths beneath its header: the first finalist's counts are
/// kept per header and taken again for every other finalist that lays the same statements
/// out the same way. The flaws are exactly those ``ReadingFlaws/init(_:range:depths:)`` counts.
enum FinalistFlaws {
    /// The flaws of each reading of statements `range`, in order.
    /// - Parameter statements: ``StatementFlow/of(_:)`` of the block.
    static func of(_ readings: [[Int]], statements: [StatementFlow], range: Range<Int>) -> [ReadingFlaws] {
        guard let first = readings.first else { return [] }
        let reference = ReadingTree(statements: statements, range: range, depths: first)
        // The first reading's counts, per header (by its position less the range's start).
        var inFunction = [ReadingFlaws.InFunction?](repeating: nil, count: range.count)
        var inBlock = [ReadingFlaws.InBlock?](repeating: nil, count: range.count)
        return readings.enumerated().map { index, depths in
            let tree = index == 0 ? reference : ReadingTree(statements: statements, range: range, depths: depths)
            let alike = alikeUntil(depths, first)
            // Whether the statement at `header` heads the same statements laid out the same way as in the first reading.
            let shared = { (header: Int) in
                let end = tree.end(header)
                return end == reference.end(header) && alike[header - range.lowerBound] >= end - range.lowerBound
            }
            return ReadingFlaws(
                tree,
                inFunction: { function in
                    let slot = function - range.lowerBound
                    if shared(function), let known = inFunction[slot] { return known }
                    let counts = ReadingFlaws.InFunction(tree, function)
                    if index == 0 { inFunction[slot] = counts }
                    return counts
                },
                inBlock: { header in
                    guard let header else { return ReadingFlaws.InBlock(tree, nil) }
                    let slot = header - range.lowerBound
                    if shared(header), let known = inBlock[slot] { return known }
                    let counts = ReadingFlaws.InBlock(tree, header)
                    if index == 0 { inBlock[slot] = counts }
                    return counts
                })
        }
    }

    /// For each position `i`: the end of the run from `i` over which `depths` differ from
    /// `reference` by one same amount (a run laid out alike, shifted as a whole).
    private static func alikeUntil(_ depths: [Int], _ reference: [Int]) -> [Int] {
        var until = [Int](repeating: depths.count, count: depths.count)
        for index in depths.indices.dropLast().reversed() {
            let same = depths[index] - reference[index] == depths[index + 1] - reference[index + 1]
            until[index] = same ? until[index + 1] : index + 1
        }
        return until
    }
}
