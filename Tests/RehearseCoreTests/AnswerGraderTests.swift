import Testing

@testable import RehearseCore

/// The grader against the traps that fool word overlap, and its normalisations.
@Suite struct AnswerGraderTests {
    let grader = AnswerGrader()
    let orm = [
        "select_related: JOIN (foreign key, one-to-one — single query)",
        "prefetch_related: separate query (many-to-many, reverse FK)",
    ]
    let gil = [
        "CPU-bound threads are serialised by the GIL",
        "the GIL is released during blocking I/O, so I/O-bound threads overlap",
        "each process has its own GIL, so multiprocessing runs in parallel",
    ]

    @Test func aCorrectAnswerCoversEveryPointWithTheWordsThatMatched() {
        let grade = grader.grade(
            answer: "select_related follows the foreign key with a JOIN in one query. prefetch_related runs a separate query for many-to-many relations.",
            keypoints: orm)
        #expect(grade.covered == orm)
        #expect(grade.rating == .easy)
        #expect(grade.points[0].matched.contains("select_related"))
        #expect(grade.points[0].matched.contains("JOIN"))
    }

    @Test func twoTermsSwappedCoverNeither() {
        let grade = grader.grade(answer: "select_related runs a separate query, prefetch_related does a JOIN on the foreign key.", keypoints: orm)
        #expect(grade.covered.isEmpty)
        #expect(grade.rating == .again)
    }

    @Test func aNegatedStatementDoesNotCoverThePoint() {
        let wrong = grader.grade(answer: "The GIL is not released during blocking I/O, so I/O-bound threads wait.", keypoints: gil)
        #expect(!wrong.covered.contains(gil[1]))
        let right = grader.grade(answer: "The GIL gets released while a thread blocks on I/O, so I/O-bound threads overlap.", keypoints: gil)
        #expect(right.covered.contains(gil[1]))
    }

    @Test func listingEveryKeywordWithNoClaimIsAgainOrCapped() {
        let bare = grader.grade(
            answer: "GIL, threads, CPU-bound, I/O, released, blocking, process, multiprocessing, parallel, serialised", keypoints: gil)
        #expect(bare.rating == .again)
        #expect(bare.note == "a list of terms states no fact: say what each one does")
        // Mostly short fragments with a verb among them: capped, not zero.
        let mostly = grader.grade(answer: "GIL is released, blocking I/O, threads, CPU-bound, process, multiprocessing, parallel", keypoints: gil)
        #expect(mostly.score <= 0.4)
        #expect(mostly.rating == .hard)
        #expect(mostly.note == "a list of terms without explanation")
    }

    @Test func noAnswerAndIDontKnowAndThePastedQuestionScoreZero() {
        for answer in ["", "   ", "I don't know", "no idea, sorry"] {
            let grade = grader.grade(answer: answer, keypoints: gil)
            #expect(grade.score == 0 && grade.rating == .again, "\(answer)")
        }
        let pasted = grader.grade(
            answer: "How do threads and processes interact with the GIL?", keypoints: gil,
            question: "How do threads and processes interact with the GIL?")
        #expect(pasted.score == 0 && pasted.note == "the answer repeats the question")
    }

    @Test func abbreviationsExpandAndWordsAreStemmed() {
        let grade = grader.grade(
            answer: "Threads doing CPU work are serialised by the global interpreter lock. Every process has its own GIL so multiprocessing runs in parallel.",
            keypoints: gil)
        #expect(grade.covered.contains(gil[0]))
        #expect(grade.covered.contains(gil[2]))
        let keys = Set(TermNormalizer.terms("DI with the ORM releases threads").map(\.key))
        #expect(keys.isSuperset(of: ["dependency", "injection", "object", "relational", "mapper", "releas", "thread"]))
    }

    @Test func technicalTokensMatchExactlyIncludingDottedNamesAndNumbers() {
        let terms = TermNormalizer.terms("asyncio.gather, __slots__, len(), -5 to 256, :=")
        #expect(terms.filter(\.isTechnical).map(\.key) == ["asyncio.gather", "__slots__", "len", "-5", "256", ":="])
        let grade = grader.grade(answer: "I'd use ProcessPoolExecutor from concurrent.futures.", keypoints: ["concurrent.futures.ProcessPoolExecutor"])
        #expect(grade.covered == ["concurrent.futures.ProcessPoolExecutor"])
        let cache = grader.grade(answer: "CPython caches ints from -5 to 256.", keypoints: ["small integers -5 to 256 are cached"])
        #expect(cache.covered.count == 1)
    }

    @Test func oneTypoInALongWordIsForgiven() {
        let grade = grader.grade(answer: "I use multiprocesing, each proces has its own GIL so they run in paralel.", keypoints: [gil[2]])
        #expect(grade.covered == [gil[2]])
    }

    @Test func aBareListOfTermsIsAgainButATerseAnswerThatRelatesThemIsCredited() {
        let points = ["the GIL lets one thread run Python bytecode at a time", "each process has its own interpreter and GIL", "C extensions can release the GIL"]
        let list = grader.grade(answer: "GIL, bytecode, threads, multiprocessing, C extensions, NumPy", keypoints: points)
        #expect(list.rating == .again)
        #expect(list.covered.isEmpty)
        let terse = grader.grade(answer: "GIL: one thread runs bytecode at a time; processes -> own interpreter + own GIL; C extensions release it", keypoints: points)
        #expect(terse.covered == points)
        // Calls and dotted names are terms too, but an aside in parentheses relates them.
        #expect(AnswerGrader.isBareTermList("hash table, hash(), open addressing, probing, O(1), insertion order"))
        #expect(!AnswerGrader.isBareTermList("Starlette/ASGI (async, not WSGI), uvicorn, pydantic v2, rust core, async handlers"))
        #expect(!AnswerGrader.isBareTermList("select_related, prefetch_related, only, defer"))  // four: too few to tell
    }

    @Test func aClauseThatMentionsTwoPointsTwiceIsNotASwap() {
        let middleware = ["Process request → view → response pipeline", "SecurityMiddleware, SessionMiddleware, CsrfViewMiddleware", "Custom middleware for logging, auth, rate limiting"]
        let full = grader.grade(
            answer: "Middleware are hooks that wrap every request and response in Django: the request goes through each middleware before the view runs, and the response comes back through them. I write custom middleware for logging, auth or rate limiting.",
            keypoints: middleware)
        let shorter = grader.grade(
            answer: "The request goes through each middleware before the view runs, and the response comes back through them. I write custom middleware for logging, auth or rate limiting.",
            keypoints: middleware)
        #expect(full.covered == [middleware[0], middleware[2]])
        #expect(full.score == shorter.score)
    }

    @Test func theCodeThatIllustratesAKeyPointIsNotRequired() {
        let orm = [#"Q objects for complex queries: Q(name="a") | Q(name="b")"#, "F expressions for database-level operations: F('price') * 1.1"]
        let grade = grader.grade(answer: "Q objects combine conditions with OR, F expressions do math in the database", keypoints: orm)
        #expect(grade.covered.contains(orm[1]))
        #expect(grade.score > 0)
        // A claim written with code stays whole: "== gives True" is what must be said.
        #expect(AnswerGrader.statement(of: "two separately built but equal lists: == gives True, is gives False") == "two separately built but equal lists: == gives True, is gives False")
        #expect(AnswerGrader.statement(of: orm[0]) == "Q objects for complex queries")
    }
}
