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
        var inFunction = [ReadingFlaws.InFunction?](repeating: nil, count: range.count)
        var inBlock = [ReadingFlaws.InBlock?](repeating: nil, count: range.count)
        for function in reference.functions { inFunction[function - range.lowerBound] = ReadingFlaws.InFunction(reference, function) }
        for header in range where reference.end(header) > header + 1 {
            inBlock[header - range.lowerBound] = ReadingFlaws.InBlock(reference, header)
        }
        var flaws = [ReadingFlaws(reference, inFunction: { inFunction[$0 - range.lowerBound] ?? ReadingFlaws.InFunction(reference, $0) },
                                  inBlock: { header in header.flatMap { inBlock[$0 - range.lowerBound] } ?? ReadingFlaws.InBlock(reference, header) })]
        for depths in readings.dropFirst() {
            let tree = ReadingTree(statements: statements, range: range, depths: depths)
            let alike = alikeUntil(depths, first)
            // The statement at `header` heads the same statements laid out the same way as in the first reading.
            let shared = { (header: Int) in
                let end = tree.end(header)
                return end == reference.end(header) && alike[header - range.lowerBound] >= end - range.lowerBound
            }
            flaws.append(ReadingFlaws(
                tree,
                inFunction: { function in
                    guard shared(function), let known = inFunction[function - range.lowerBound] else { return ReadingFlaws.InFunction(tree, function) }
                    return known
                },
                inBlock: { header in
                    guard let header, shared(header), let known = inBlock[header - range.lowerBound] else { return ReadingFlaws.InBlock(tree, header) }
                    return known
                }))
        }
        return flaws
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
