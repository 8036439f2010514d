import Testing

@testable import RehearseCore

/// How sure the reader is of restored indentation, per block and per definition.
@Suite struct IndentationGuessTests {
    /// Two examples in one flat block: a membership test left without a body, then, after a
    /// numbered comment, a definition and a line that uses it (lines 6 to 14 of the file).
    static let separateExamples = """
        01 — Patterns
        Table of Contents
        - Patterns
        Patterns
        The snippets below show two patterns.
        # 1. Membership
        if item in seen:
        # 2. Caching a lookup
        def process(items):
        \"\"\"Call the cached function on each item.\"\"\"
        call = module.function
        for item in items:
        call(item)
        print(process)

        """

    static func guide() throws -> (guide: Guide, item: GuideItem) {
        let guide = try GuideReader().read(text: separateExamples, fileName: "05-patterns.txt")
        return (guide, try #require(guide.items.first { $0.kind == .code }))
    }

    @Test func aBlockOfSeparateExamplesIsReadInRunsWhoseRivalsStayInside() throws {
        let (guide, item) = try Self.guide()
        #expect(item.lines == 6...14)
        let guess = try #require(guide.indentationGuess(for: item))
        // The comment introducing the second example belongs to it.
        #expect(guess.runs.map(\.lines) == [6...7, 8...14])
        for run in guess.runs {
            #expect(run.rivals.allSatisfy { !$0.lines.isEmpty && $0.lines.allSatisfy(run.lines.contains) })
            #expect(run.confidence > 0 && run.confidence <= 1)
        }
        #expect(abs(guess.confidence - guess.runs.reduce(1) { $0 * $1.confidence }) < 1e-12)
        #expect(guess.narrowed(to: 9...14).runs == [guess.runs[1]])
        #expect(guess.narrowed(to: 7...9).runs == guess.runs)
    }

    @Test func theLineInDoubtIsTheFirstTheMostProbableRivalChangesAmongTheLinesAsked() {
        let guess = IndentationGuess(lines: 1...20, runs: [
            .init(lines: 1...9, rivals: [.init(probability: 0.1, lines: [4, 5]), .init(probability: 0.3, lines: [8])]),
            .init(lines: 10...20, rivals: [.init(probability: 0.2, lines: [12, 15])]),
        ])
        #expect(guess.runs[0].rivals.map(\.probability) == [0.3, 0.1])
        #expect(abs(guess.confidence - 0.6 * 0.8) < 1e-12)
        #expect(guess.doubtfulLine == 8)
        #expect(guess.narrowed(to: 3...6).doubtfulLine == 4)
        #expect(guess.narrowed(to: 13...20).doubtfulLine == 15)
        #expect(abs(guess.narrowed(to: 13...20).confidence - 0.8) < 1e-12)
        #expect(guess.narrowed(to: 13...20).note == "indentation guessed (line 15 in doubt)")
        #expect(IndentationGuess(lines: 1...3, runs: [.init(lines: 1...3, rivals: [])]).cardRemark == "")
    }

    /// The first example's doubt (0.3 sure), the second's rival (at line 14), and the cards
    /// the definition in the second example then makes: none, or a prompt ending so.
    @Test(arguments: [
        (0.0, ""), (0.2, " (indentation guessed (line 14 in doubt))"), (0.5, nil),
    ] as [(Double, String?)])
    func aDefinitionIsJudgedByTheRunsOfItsOwnLines(_ rival: Double, _ remark: String?) throws {
        var (guide, item) = try Self.guide()
        guide.indentationGuesses = [IndentationGuess(lines: item.lines, runs: [
            .init(lines: 6...7, rivals: [.init(probability: 0.7, lines: [7])]),
            .init(lines: 8...14, rivals: rival > 0 ? [.init(probability: rival, lines: [14])] : []),
        ])]
        #expect(guide.indentationGuess(for: item)?.isDoubtful == true)
        let cards = CardFactory.cards(from: guide).filter { $0.kind == .writeCode || $0.kind == .explainCode }
        #expect(cards.map(\.kind) == (remark == nil ? [] : [.writeCode, .explainCode]))
        if let remark, let write = cards.first, let explain = cards.last {
            #expect(write.prompt == "Write the code for `def process(items)`: 2. Caching a lookup" + remark)
            #expect(explain.prompt.hasPrefix("What does this do?" + remark + "\n\ndef process(items):"))
        }
    }

    @Test func anExampleInDoubtDoesNotWithholdTheCardsOfADefinitionAfterIt() throws {
        let guide = try TestFiles.userGuide()
        let block = try #require(guide.codeBlocks.first { $0.code.contains("def process():") })
        let guess = try #require(guide.indentationGuess(for: block.item))
        // The performance tips: `if item in large_list:` has no body and ends the first run.
        #expect(guess.runs.count == 2)
        let first = guess.runs[0]
        #expect(first.lines.contains(458))
        for signature in ["def process()", "class Point"] {
            let lines = block.code.split(separator: "\n", omittingEmptySubsequences: false)
            let offset = try #require(lines.firstIndex { $0.hasPrefix(signature) })
            let own = guess.narrowed(to: (block.item.lines.lowerBound + offset)...(block.item.lines.lowerBound + offset + 1))
            #expect(own.runs == [guess.runs[1]])
        }
        let cards = CardFactory.cards(from: guide).filter { $0.kind == .writeCode }
        #expect(cards.contains { $0.prompt.hasPrefix("Write the code for `def process()`: 5. Local variable lookup is faster than global") })
        #expect(cards.contains { $0.prompt.hasPrefix("Write the code for `class Point`: 6. __slots__") })
    }
}
