import Testing

@testable import RehearseCore

/// Code drilled as cards: "Write the code for …" graded by structure, "What does this do?"
/// answered by the docstring.
@Suite struct CodeCardsTests {
    static let snippet = """
        import functools

        # Memoize a function of hashable arguments
        def cached(func):
            table = {}
            @functools.wraps(func)
            def wrapper(*args):
                if args not in table:
                    table[args] = func(*args)
                return table[args]
            return wrapper

        def stub():
            ...

        class Stack:
            \"\"\"Last in, first out: push adds on top, pop takes the top item.\"\"\"
            def __init__(self):
                self.items = []
            def push(self, item):
                self.items.append(item)

        def undescribed(a, b):
            total = a + b
            return total

        print(cached)
        """

    @Test func describedDefinitionsOfTheSnippetBecomeCardsAndStubsDoNot() {
        let definitions = CodeCards.definitions(in: Self.snippet, caption: nil)
        #expect(definitions.map(\.signature) == ["def cached(func)", "class Stack"])
        #expect(definitions[0].description == "Memoize a function of hashable arguments")
        #expect(definitions[0].docstring == nil)
        #expect(definitions[0].code.hasPrefix("def cached(func):\n    table = {}"))
        #expect(definitions[0].code.hasSuffix("    return wrapper"))
        #expect(definitions[1].docstring == "Last in, first out: push adds on top, pop takes the top item.")
        #expect(CodeCards.writePrompt(definitions[0]) == "Write the code for `def cached(func)`: Memoize a function of hashable arguments")
        #expect(CodeCards.explanation(definitions[0]) == nil)
        #expect(CodeCards.explanation(definitions[1]) == "Last in, first out: push adds on top, pop takes the top item.")
        let explain = CodeCards.explainPrompt(definitions[1])
        #expect(explain.hasPrefix("What does this do?\n\nclass Stack:\n    def __init__(self):"))
        #expect(!explain.contains("Last in"))
        // A caption stands in for a missing comment.
        #expect(CodeCards.definitions(in: Self.snippet, caption: "Adding numbers").map(\.signature).contains("def undescribed(a, b)"))
    }

    @Test func theUsersGuideGetsCodeCardsAfterItsOtherCards() throws {
        let cards = CardFactory.cards(from: try TestFiles.userGuide())
        let code = cards.filter { $0.kind == .writeCode || $0.kind == .explainCode }
        #expect(code.count >= 10 && code.count <= cards.count / 4, "\(code.count) of \(cards.count)")
        let firstCode = try #require(cards.firstIndex { $0.kind == .writeCode })
        #expect(cards[firstCode...].allSatisfy { $0.kind == .writeCode || $0.kind == .explainCode })
        let generator = try #require(cards.first { $0.kind == .writeCode && $0.prompt.contains("read_large_file") })
        // The block's indentation is guessed (its best reading is not far ahead of the next),
        // and the card says so, naming a line of the definition.
        #expect(generator.prompt.hasPrefix("Write the code for `def read_large_file(path)`: Generator function (lazy evaluation)"))
        let guess = try #require(TestFiles.userGuide().indentationGuesses.first { $0.lines.contains(186) })
        #expect(generator.prompt.hasSuffix(guess.isGuessed ? " in doubt))" : "(lazy evaluation)"))
        #expect(generator.answer.contains("        for line in f:\n            yield line.strip()"))
        let explain = try #require(cards.first { $0.kind == .explainCode && $0.prompt.contains("read_large_file") })
        #expect(explain.answer == "Generator function (lazy evaluation). Reads file line by line — O(1) memory regardless of file size.")
        #expect(!explain.keypoints.isEmpty)
    }

    static let reference = """
        def fib(n):
            \"\"\"The n-th Fibonacci number.\"\"\"
            a, b = 0, 1
            for _ in range(n):
                a, b = b, a + b
            return a
        """

    @Test func codeIsGradedByItsTokensWithNamesAndLayoutFree() {
        let same = CodeAnswerGrader.grade(answer: "def fib(n):\n  a,b=0,1\n  for _ in range(n): a, b = b, a+b\n  return a  # done", expected: Self.reference)
        #expect(same.score == 1 && same.rating == .easy)
        let renamed = CodeAnswerGrader.grade(answer: "def fibonacci(k):\n    x, y = 0, 1\n    for i in range(k):\n        x, y = y, x + y\n    return x", expected: Self.reference)
        #expect(renamed.rating == .easy, "\(renamed.score)")
        #expect(renamed.missed.isEmpty)
        let noLoop = CodeAnswerGrader.grade(answer: "def fib(n):\n    a, b = 0, 1\n    return a", expected: Self.reference)
        #expect(noLoop.rating == .hard || noLoop.rating == .again, "\(noLoop.score)")
        #expect(noLoop.missed == ["for _ in range(n):", "a, b = b, a + b"])
        let wrongOperator = CodeAnswerGrader.grade(answer: "def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a * b\n    return a", expected: Self.reference)
        #expect(wrongOperator.score < 1 && wrongOperator.score > 0.9)
        #expect(wrongOperator.missed == ["a, b = b, a + b"])
        let prose = CodeAnswerGrader.grade(answer: "it adds the previous two numbers in a loop", expected: Self.reference)
        #expect(prose.rating == .again)
        #expect(CodeAnswerGrader.grade(answer: "  ", expected: Self.reference).note == "no code")
    }

    @Test func aWriteCodeCardIsGradedAsCode() {
        let card = Card(id: "x", guideID: "g", kind: .writeCode, section: [], prompt: "Write the code for `def fib(n)`", answer: Self.reference,
                        keypoints: [], priority: .medium, position: 0)
        #expect(AnswerGrader.grade("def fib(m):\n    a, b = 0, 1\n    for _ in range(m):\n        a, b = b, a + b\n    return a", for: card).rating == .easy)
    }

    @Test func tokensKeepStringsWholeAndDropCommentsAndDocstrings() {
        #expect(CodeAnswerGrader.tokens(of: "x = 'a # b'  # comment\n\"\"\"doc\"\"\"\ny **= 2") == ["x", "=", "'a # b'", "y", "**=", "2"])
        let tokens = ["def", "f", "(", "n", ")", ":", "return", "n", ".", "real"]
        #expect(CodeAnswerGrader.renamed(tokens, using: CodeAnswerGrader.nameNumbers(tokens))
            == ["def", "$0", "(", "$1", ")", ":", "return", "$1", ".", "real"])
    }
}
