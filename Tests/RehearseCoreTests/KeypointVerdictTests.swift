import Testing

@testable import RehearseCore

/// The three verdicts on a key point: stated, contradicted (negated, turned into its
/// opposite, attached to the wrong thing) or absent, each rule with a case it must credit
/// and one it must not.
@Suite struct KeypointVerdictTests {
    let grader = AnswerGrader()

    func verdict(_ answer: String, _ keypoint: String) -> AnswerGrader.Point {
        grader.grade(answer: answer, keypoints: [keypoint]).points[0]
    }

    @Test func anOppositeInTheClauseThatStatesThePointContradictsIt() {
        let point = "single-threaded code runs somewhat slower"
        #expect(verdict("On the free-threaded build, single-threaded code runs a little slower.", point).verdict == .stated)
        let wrong = verdict("With the new build single-threaded code actually runs faster.", point)
        #expect(wrong.verdict == .contradicted)
        #expect(wrong.evidence?.contains("faster") == true)
        // Both ways round: the lexicon is symmetric.
        #expect(verdict("QuerySets are eager: the query runs when you build them.", "QuerySets are lazy").verdict == .contradicted)
        #expect(verdict("QuerySets are lazy, nothing runs until you iterate.", "QuerySets are lazy").verdict == .stated)
    }

    @Test func aFactAttachedToTheThingItIsContrastedWithIsContradicted() {
        let point = "Redis keeps data in memory, unlike PostgreSQL"
        let wrong = verdict("Our stack writes to PostgreSQL, which keeps everything in memory, and Redis flushes each write to disk.", point)
        #expect(wrong.verdict == .contradicted)
        #expect(wrong.evidence == "which keeps everything in memory")
        #expect(verdict("Redis keeps its data in memory while PostgreSQL writes pages to disk.", point).verdict == .stated)
        // The subject named first, the other thing after it: still the subject's fact.
        #expect(verdict("Redis (not PostgreSQL) keeps the data in memory.", point).verdict == .stated)
        // A contrast of actions rather than of named things is left to the other rules.
        #expect(AnswerGrader.misattributedClause(
            of: "super() follows the order rather than naming a parent", in: AnswerText("naming a parent follows the order")) == nil)
    }

    @Test func paraphrasesInOtherWordsAreCredited() {
        #expect(verdict("Gets and sets take constant time on average.", "average O(1) lookup").verdict == .stated)
        #expect(verdict("Gets and sets take linear time on average.", "average O(1) lookup").verdict != .stated)
        // A phrase is negated like the words it is made of.
        #expect(verdict("Lookups aren't constant time on average.", "average O(1) lookup").verdict == .contradicted)
        #expect(verdict("It lets you bind a name in the middle of an expression.", "assignment expression").verdict == .stated)
        #expect(verdict("Module-level caches with no size limit keep every entry.", "caches growing unbounded").verdict == .stated)
        #expect(verdict("Usually it's a cache with no size limit.", "check for caches without a size bound").verdict == .stated)
        #expect(verdict("Usually it's a cache with a size limit.", "check for caches without a size bound").verdict != .stated)
        // Only whole words: "constant timeouts" says nothing about complexity.
        let keys = { (text: String) in TermNormalizer.terms(text).map(\.key) }
        #expect(keys("constant timeouts") == ["constant", "timeout"])
        #expect(keys("Runs in Constant Time.") == keys("Runs in O(1)."))
    }

    @Test func anOppositeElsewhereInTheAnswerDoesNot() {
        // "fast" is said of something else, in a clause that states none of the point's terms.
        let grade = grader.grade(
            answer: "It's fast to develop with. Async endpoints let one worker overlap many slow I/O calls.",
            keypoints: ["async endpoints let one worker overlap many slow I/O calls"])
        #expect(grade.points[0].verdict == .stated)
    }

    @Test func anOppositeThatNamesAThingSaysNothingOfThePoint() {
        // "async def" is a kind of function: it does not say "async" where the point says "sync".
        let point = "use def when the endpoint calls blocking (synchronous) libraries"
        let grade = grader.grade(answer: "Put a blocking call in an async def and the loop stalls; use def when the endpoint calls blocking libraries.", keypoints: [point])
        #expect(grade.points[0].verdict == .stated)
        let wrong = grader.grade(answer: "Use def when the endpoint calls asynchronous libraries.", keypoints: [point])
        #expect(wrong.points[0].verdict != .stated)
    }

    @Test func aClauseThatDeniesThePointContradictsIt() {
        let point = "dicts keep insertion order since Python 3.7"
        #expect(verdict("Since 3.7 dicts keep their insertion order.", point).verdict == .stated)
        let denied = verdict("Lookups are O(1), and dicts don't keep insertion order.", point)
        #expect(denied.verdict == .contradicted)
        #expect(denied.evidence?.hasSuffix("dicts don't keep insertion order") == true)
    }

    @Test func aNegationJoinedToItsWordDeniesThatWordOnly() {
        let point = "it is an optional build (PEP 703), not the default CPython"
        #expect(verdict("An optional no-GIL build (PEP 703) with truly parallel threads.", point).verdict == .stated)
        #expect(verdict("There is no optional build (PEP 703) yet.", point).verdict == .contradicted)
        // The word it is joined to is still denied: "no-GIL" says "without the GIL".
        #expect(verdict("It is a no-GIL build.", "it runs with the GIL").verdict == .contradicted)
    }

    @Test func aWordIsNoTypoOfItsOpposite() {
        let word = { (text: String) in TermNormalizer.terms(text)[0] }
        #expect(!AnswerGrader.matches(word("synchronous"), word("asynchronous")))
        #expect(AnswerGrader.matches(word("synchronous"), word("synchronus")))
    }

    @Test func theOppositeOfAGlossCountsOnlyInAClauseThatStatesThePointOnItsOwn() {
        let point = "use def when the endpoint calls blocking (synchronous) libraries"
        let elsewhere = "Blocking libraries go in a plain def endpoint, and async def only if every awaited call is truly async."
        #expect(verdict(elsewhere, point).verdict == .stated)
        #expect(verdict("Use def when the endpoint calls async libraries.", point).verdict == .contradicted)
        #expect(AnswerGrader.glossKeys(of: point) == Set(TermNormalizer.terms("synchronous").map(\.key)))
    }

    @Test func aPointThatIsItselfNegatedIsStatedByANegation() {
        let point = "a def endpoint does not block the event loop"
        #expect(verdict("A plain def endpoint does not block the event loop: it runs in a thread pool.", point).verdict == .stated)
    }

    @Test func aNegatedPointIsStillContradictedOnTheWordsItAffirms() {
        // The point negates "block", not "thread pool": denying the thread pool contradicts it.
        let point = "FastAPI runs a def endpoint in a thread pool, so it does not block the event loop"
        #expect(verdict("FastAPI runs a def endpoint in a thread pool, so it does not block the event loop.", point).verdict == .stated)
        let denied = verdict("FastAPI runs a def endpoint with no thread pool at all.", point)
        #expect(denied.verdict == .contradicted)
    }

    @Test func aPointInAnUnWordIsStatedByANegation() {
        // "unclosed" is read as "close" that the point itself negates.
        let point = "check for unclosed resources (files, sockets, connections)"
        #expect(verdict("Look for files and connections that are opened but never closed.", point).verdict == .stated)
        #expect(verdict("Check for unclosed files and sockets.", point).verdict == .stated)
        #expect(KeypointNegation(point).keys.contains(TermNormalizer.terms("closed")[0].key))
        // A word that merely starts with "un" negates nothing.
        #expect(KeypointNegation("understand the unicode rules").keys.isEmpty)
    }

    @Test func aClauseThatDeniesItsSubjectDeniesThePoint() {
        let point = "single-threaded code runs somewhat slower"
        #expect(verdict("Single-threaded code isn't affected at all.", point).verdict == .contradicted)
        #expect(verdict("Single-threaded code runs a bit slower, not faster.", point).verdict == .stated)
        // Not in an aside, and not for a point that is itself a denial.
        #expect(verdict("Dicts (not sets) keep insertion order.", "dicts keep insertion order").verdict == .stated)
        #expect(verdict("A def endpoint doesn't block the event loop.", "a def endpoint does not block the event loop").verdict == .stated)
        // A negation later in the clause is about something else: the point needs this clause's
        // "function" and "yield", which the rest of the sentence does not say.
        let yield = "functions that use yield to produce values lazily"
        #expect(verdict("A function containing yield doesn't run when called, it hands back values one at a time.", yield).verdict == .stated)
    }

    @Test func aSentenceThatStatesThePointButDeniesAnotherOfItsWordsContradictsIt() {
        let point = "it keeps the variables of the enclosing scope"
        let wrong = verdict("What it keeps alive is the global scope, not the enclosing one.", point)
        #expect(wrong.verdict == .contradicted)
        #expect(wrong.evidence == "not the enclosing one")
        // A denial of something the point does not say is no denial of the point.
        #expect(verdict("It keeps the variables of the enclosing scope, not copies of them.", point).verdict == .stated)
        // Nor is one in another sentence.
        #expect(verdict("A closure keeps the variables of its scope. Not the enclosing frame itself, which is gone.", point).verdict == .stated)
    }

    @Test func aNegationReachesPastAnAdverbButNotOutOfAParenthesis() {
        let point = "dicts keep insertion order since Python 3.7"
        #expect(verdict("Dicts don't actually keep insertion order.", point).verdict == .contradicted)
        #expect(verdict("Dicts (not sets) keep insertion order since 3.7.", point).verdict == .stated)
        #expect(AnswerText.scope(after: 0, in: ["not", "really", "keep", "the", "order"]) == ["really", "keep", "the", "order"])
    }

    @Test func aDottedNameMatchesOnlyByItsLastPart() {
        let point = "concurrent.futures.ProcessPoolExecutor"
        #expect(verdict("Use a ProcessPoolExecutor for CPU work.", point).verdict == .stated)
        #expect(verdict("concurrent.futures has thread pools.", point).verdict == .absent)
        // A class name before a dotted attribute is not the word "class".
        #expect(verdict("Walk the classes in order.", "you can inspect it with Class.__mro__").verdict == .absent)
        #expect(verdict("Print SomeClass.__mro__ to inspect it.", "you can inspect it with Class.__mro__").verdict == .stated)
    }

    @Test func lightWordsWeighLessThanThePointsOwnWords() {
        // "take over" and "single" are not what the point is about; objects and locks are.
        let point = "per-object locks take over from the single global lock"
        #expect(verdict("Every object gets its own lock, replacing the global lock.", point).verdict == .stated)
        #expect(verdict("It takes over from a single process.", point).verdict == .absent)
        #expect(TermNormalizer.weight(of: TermNormalizer.terms("takes")[0]) < TermNormalizer.weight(of: TermNormalizer.terms("lock")[0]))
        // I/O is one term, and "e.g." introduces an example rather than naming something.
        #expect(TermNormalizer.terms("I/O-bound work, e.g. sockets").map(\.key) == ["io", "bound", "work", "socket"])
    }

    @Test func aWordAndItsNonFormAreOpposites() {
        let point = "use async def when everything the endpoint awaits is non-blocking"
        #expect(verdict("Make it async def when every call it awaits is non-blocking.", point).verdict == .stated)
        #expect(verdict("Make it async def when the endpoint awaits blocking calls.", point).verdict == .contradicted)
        #expect(TermNormalizer.terms("non-blocking").map(\.key) == ["non-block"])
        // "quick" is read as "fast", so it meets the opposites of "fast".
        #expect(verdict("Quick work goes to the background queue.", "move slow work to a background queue").verdict == .contradicted)
    }

    @Test func oneTypoIsForgivenTwoAreNot() {
        #expect(AnswerGrader.editDistanceAtMostOne("yield", "yeild"))  // swapped
        #expect(AnswerGrader.editDistanceAtMostOne("parallel", "paralel"))  // dropped
        #expect(AnswerGrader.editDistanceAtMostOne("separate", "seperate"))  // changed
        #expect(!AnswerGrader.editDistanceAtMostOne("yield", "yiedl2"))
        #expect(!AnswerGrader.editDistanceAtMostOne("memory", "mmeroy"))
        #expect(verdict("generators use yeild to give values lazily", "functions that use yield to produce values lazily").verdict == .stated)
    }

    @Test func wordsMadeFromOneAnotherMeet() {
        let key = { (word: String) in TermNormalizer.terms(word)[0].key }
        for (a, b) in [("computed", "computation"), ("linearized", "linearization"), ("compare", "comparison"), ("equal", "equality"),
                       ("allocating", "allocation"), ("validates", "validation"), ("serialise", "serialization")] {
            #expect(key(a) == key(b), "\(a)/\(b)")
        }
        // Short words keep their endings: a state is not a statement's stem cut too far.
        #expect(key("format") != key("form"))
        #expect(key("element") == "element")
        #expect(verdict("That list is computed with the C3 algorithm.", "it is computed by C3 linearization").verdict == .stated)
        #expect(verdict("The order is linearized by C3.", "it is computed by C3 linearization").verdict == .stated)
        #expect(verdict("Classes are linear.", "the MRO comes from C3 linearization").verdict == .absent)
    }

    @Test func swappedRolesContradictBothPoints() {
        let points = ["fix foreign-key and one-to-one relations with select_related", "fix many-to-many and reverse relations with prefetch_related"]
        let grade = grader.grade(
            answer: "Use prefetch_related for foreign keys and one-to-one fields, and select_related for many-to-many and reverse relations.",
            keypoints: points)
        #expect(grade.points.map(\.verdict) == [.contradicted, .contradicted])
        #expect(grade.rating == .again)
        let right = grader.grade(
            answer: "Use select_related for foreign keys and one-to-one fields, and prefetch_related for many-to-many and reverse relations.",
            keypoints: points)
        #expect(right.points.map(\.verdict) == [.stated, .stated])
    }

    @Test func aNameSharedByTwoPointsCanBeTheSubjectOfASwap() {
        // "async def" is in two points: it still says which things a clause attaches to it.
        let points = ["async def runs directly on the event loop", "use async def for awaitable I/O (e.g. asyncpg)",
                      "plain def runs in a threadpool", "use def for blocking code (e.g. a sync DB driver)"]
        let swapped = grader.grade(
            answer: "async def endpoints get pushed to a thread pool, while plain def endpoints run right on the event loop.", keypoints: points)
        #expect(swapped.points[0].verdict == .contradicted && swapped.points[2].verdict == .contradicted)
        let right = grader.grade(
            answer: "async def endpoints run right on the event loop, while plain def endpoints get pushed to a thread pool.", keypoints: points)
        #expect(right.points[0].verdict == .stated && right.points[2].verdict == .stated)
    }

    @Test func aContradictedPointCostsMoreThanAMissingOne() {
        let points = ["CPU-bound threads are serialised by the GIL", "each process has its own GIL, so multiprocessing runs in parallel"]
        let missing = grader.grade(answer: "CPU-bound threads are serialised by the GIL.", keypoints: points)
        let wrong = grader.grade(
            answer: "CPU-bound threads are serialised by the GIL. Each process shares one GIL, so multiprocessing runs sequentially.", keypoints: points)
        #expect(missing.points[1].verdict == .absent)
        #expect(wrong.points[1].verdict == .contradicted)
        #expect(wrong.score < missing.score)
    }

    @Test func aClauseThatAffirmsWhatThePointDeniesContradictsIt() {
        let point = "it is an optional build you opt into, not the default interpreter"
        let wrong = verdict("Since 3.13 it is the default build, so everyone gets it.", point)
        #expect(wrong.verdict == .contradicted)
        #expect(wrong.evidence?.contains("default") == true)
        #expect(verdict("It is an optional build you opt into; it is not the default.", point).verdict == .stated)
        // Said "rather than", the denied word is denied by the answer too.
        let parent = "super() follows the MRO, not just the parent"
        #expect(verdict("super() moves to the next class in the MRO rather than simply the parent.", parent).verdict == .stated)
        #expect(verdict("super() always calls the parent class, which is the first class in the MRO.", parent).verdict == .contradicted)
        // The thing denied, not only the first word after the negation.
        let fixed = "super() follows the MRO (the next class in it), not a fixed parent"
        #expect(verdict("C3 is what super() uses to pick the direct parent class.", fixed).verdict == .contradicted)
        #expect(verdict("super() takes the next class in the MRO, not necessarily the parent.", fixed).verdict == .stated)
        // A name is not the thing denied: "CPython" is still said by a right answer.
        #expect(KeypointNegation("an optional build, not the default CPython").deniedKeys == ["default"])
        // A word another key point affirms is not ruled out: "blocking" names the libraries there.
        let verdicts: [AnswerGrader.Verdict] = grader.grade(
            answer: "Blocking libraries go in a def endpoint: FastAPI runs it in a thread pool.",
            keypoints: ["use def when the endpoint calls blocking libraries", "FastAPI runs a def endpoint in a thread pool, so it does not block the event loop"]
        ).points.map(\.verdict)
        #expect(verdicts == [.stated, .stated])
    }

    @Test func aClauseBesideTheStatementThatNamesTheSubjectAndAffirmsWhatThePointDeniesContradictsIt() {
        // No one clause states the point: the span does, and one of its clauses names super().
        let fixed = "super() follows the MRO (the next class in it), not a fixed parent"
        let wrong = verdict("The MRO is the order of the classes. super() always means the first parent listed in the class statement.", fixed)
        #expect(wrong.verdict == .contradicted)
        #expect(wrong.evidence?.contains("first parent") == true)
        // A clause with a negation in it does not affirm the word.
        #expect(verdict("The MRO is the order of the classes. super() doesn't jump to the parent, it moves to the next class.", fixed).verdict == .stated)
    }

    @Test func aPointThatSetsTwoThingsApartIsContradictedByGivingOneTheOthersValue() {
        let question = "How do `is` and `==` differ?"
        let lists = ["two separately built but equal lists: == gives True, is gives False"]
        let wrong = grader.grade(answer: "For two lists with the same contents both is and == give True.", keypoints: lists, question: question)
        #expect(wrong.points[0].verdict == .contradicted)
        #expect(wrong.points[0].evidence == "For two lists with the same contents both is … == give True")
        #expect(grader.grade(answer: "For two equal lists == gives True while is gives False.", keypoints: lists, question: question)
            .points[0].verdict == .stated)
        // Denied, the other value is no claim.
        #expect(grader.grade(answer: "For two equal lists is does not give True, == does.", keypoints: lists, question: question)
            .points[0].verdict != .contradicted)
        // Each part's own side of a second pair tells it apart too, in the order the part says it.
        let work = "threads for I/O-bound work, processes for CPU-bound work"
        #expect(verdict("Use threads for CPU-bound work and processes for I/O.", work).verdict == .contradicted)
        #expect(verdict("Threads suit I/O-bound work, processes suit CPU-bound work.", work).verdict == .stated)
        #expect(verdict("The GIL blocks CPU-bound work in threads, so use processes for it and threads for I/O-bound work.", work).verdict != .contradicted)
    }

    @Test func aPointSaidOfTheOppositeOfWhatTheQuestionAsksAboutIsContradicted() {
        let question = "How do you handle CPU-bound tasks?"
        let point = ["concurrent.futures.ProcessPoolExecutor"]
        let wrong = grader.grade(answer: "Threads for the heavy maths, and keep the ProcessPoolExecutor for I/O-bound network calls.", keypoints: point, question: question)
        #expect(wrong.points[0].verdict == .contradicted)
        #expect(wrong.points[0].evidence?.contains("I/O-bound") == true)
        // The question's word beside it, or the opposite in another clause, is no contradiction.
        let right = grader.grade(answer: "For CPU-bound work I use a ProcessPoolExecutor, since threads only help with I/O.", keypoints: point, question: question)
        #expect(right.points[0].verdict == .stated)
        #expect(grader.grade(answer: "A ProcessPoolExecutor, since threads only help with I/O.", keypoints: point, question: question).points[0].verdict == .stated)
    }

    @Test func sentencesEndAtAFullStopNotAtTheDotsOfANameOrANumber() {
        #expect(AnswerText.sentences("Call gc.collect() in 3.13. Then check again.\nDone") == ["Call gc.collect() in 3.13", " Then check again", "Done"])
        let grade = grader.grade(answer: "I would call gc.collect() once in a while.", keypoints: ["gc.collect() forces a collection"])
        #expect(grade.points[0].matched.contains("gc.collect()"))
    }

    @Test func whatIsThrownAwayIsNotKept() {
        let point = "those variables outlive the call of the outer function"
        let wrong = verdict("The outer function's variables are thrown away when the outer call ends.", point)
        #expect(wrong.verdict == .contradicted)
        #expect(verdict("Those variables outlive the outer call: the inner function still reads them.", point).verdict == .stated)
        #expect(verdict("It's a comparison operator inside the loop condition.", "assignment expression inside a condition").verdict == .contradicted)
        #expect(verdict("It's an assignment expression, so you can compare the result in the same condition.", "assignment expression inside a condition").verdict == .stated)
    }

    @Test func aPointStatedOfAnotherPointsNamedThingIsContradicted() {
        let points = ["Starlette is the ASGI framework underneath", "Uvicorn is the ASGI server", "Pydantic validates requests in a compiled Rust core"]
        let wrong = grader.grade(answer: "It runs on Starlette, and Uvicorn validates the requests in compiled Rust.", keypoints: points)
        #expect(wrong.points[2].verdict == .contradicted)
        #expect(wrong.points[2].evidence?.hasSuffix("Uvicorn validates the requests in compiled Rust") == true)
        let right = grader.grade(answer: "It runs on Starlette under Uvicorn, and Pydantic validates the requests in compiled Rust.", keypoints: points)
        #expect(right.points[2].verdict == .stated)
        // A clause whose subject is no other point's name says nothing of whose fact it is.
        let unnamed = grader.grade(answer: "It runs on Starlette, and the requests are validated in compiled Rust.", keypoints: points)
        #expect(unnamed.points[2].verdict == .stated)
    }

    @Test func aClauseThatStatesThePointWithTheOppositeWordContradictsItWhateverTheNextClauseSays() {
        let point = "lookups and inserts are O(1) on average"
        let wrong = verdict("That makes lookups and inserts O(1) in the worst case and O(n) on average.", point)
        #expect(wrong.verdict == .contradicted)
        #expect(wrong.evidence?.contains("worst case") == true)
        #expect(verdict("Lookups and inserts are O(1) on average and O(n) in the worst case.", point).verdict == .stated)
        // The clause that says the contrasted thing carries its opposite by right.
        let contrast = "ASGI is async-native, unlike WSGI (Flask/Django)"
        #expect(verdict("It speaks ASGI - an async-native interface - instead of the synchronous WSGI that Flask or Django use.", contrast).verdict == .stated)
    }

    @Test func theOtherEndOfARelationIsNoOppositeInTheClauseThatStatesThePoint() {
        // "slow" is said, but of the other clause's work: the queue gets the quick reads.
        let point = "move slow work such as reports to background queues"
        #expect(verdict("Use the background queue for the quick reads, and the slow reports go straight into the handler.", point).verdict == .contradicted)
        #expect(verdict("Move slow work such as reports to a background queue, and answer the quick reads directly.", point).verdict == .stated)
        // Inner and outer name the two ends of nesting: a clause that says "outer" does not deny "nested".
        let nested = "a closure is a nested function that keeps the variables of the scope that defined it"
        #expect(verdict("It is nested in another function, and it keeps the variables of the outer scope that defined it.", nested).verdict == .stated)
        #expect(Opposites.withoutConverses([(said: "inner", opposites: ["outer"]), (said: "fast", opposites: ["slow"])]).map(\.said) == ["fast"])
    }

    @Test func sortedOrderIsNotInsertionOrderNorACoroutineAThread() {
        let order = "dicts keep insertion order since Python 3.7"
        #expect(verdict("Since 3.7 dicts come out sorted by key.", order).verdict == .contradicted)
        #expect(verdict("Since 3.7 dicts keep insertion order; they are not sorted.", order).verdict == .stated)
        let pool = "FastAPI runs a def endpoint in a thread pool"
        #expect(verdict("FastAPI turns every def endpoint into a coroutine.", pool).verdict == .contradicted)
        #expect(verdict("FastAPI runs a def endpoint in a thread pool, an async def one as a coroutine.", pool).verdict == .stated)
    }

    @Test func wordOperatorsAreTermsWhenTheQuestionAsksAboutThem() {
        let question = "How do `is` and `==` differ?"
        #expect(TermNormalizer.operatorKeywords(in: question) == ["is"])
        #expect(TermNormalizer.operatorKeywords(in: "What's the difference between is and ==?") == ["is"])
        #expect(TermNormalizer.operatorKeywords(in: "What is a closure?").isEmpty)
        let points = ["is compares identity (the same object)", "== compares values for equality"]
        let terse = grader.grade(answer: "is -> identity, == -> equality", keypoints: points, question: question)
        #expect(terse.points.map(\.verdict) == [.stated, .stated])
        let swapped = grader.grade(answer: "is compares the values and == checks whether it is the same object.", keypoints: points, question: question)
        #expect(swapped.points.map(\.verdict) == [.contradicted, .contradicted])
        // Not asked about, "is" is the verb it usually is, and the terse answer says too little.
        #expect(grader.grade(answer: "is -> identity, == -> equality", keypoints: points, question: "What do these mean?").points[0].verdict == .absent)
        // Inside a clause it is the verb: "== is implemented by __eq__" says nothing of the operator.
        #expect(!TermNormalizer.terms("== is implemented by __eq__", keywords: ["is"]).contains { $0.key == "is" })
        #expect(TermNormalizer.terms("both is and ==", keywords: ["is"]).contains { $0.key == "is" })
    }
}

extension KeypointVerdictTests {
    @Test func everyOppositeIsOneTermAndThePairsAreSymmetric() {
        for (a, b) in Opposites.pairs + Opposites.conversePairs {
            #expect(TermNormalizer.terms(a).count == 1 && TermNormalizer.terms(b).count == 1, "\(a)/\(b)")
            let (x, y) = (TermNormalizer.terms(a)[0].key, TermNormalizer.terms(b)[0].key)
            #expect(Opposites.opposites[x]?.contains(y) == true && Opposites.opposites[y]?.contains(x) == true, "\(a)/\(b)")
        }
    }
}

/// What the learner teaches the grader for a card.
@Suite struct GradingCorrectionTests {
    let point = "C extensions can release the GIL"

    @Test func anAcceptedPhraseStatesThePointWhenAnAnswerSaysIt() {
        let answer = "NumPy lets other threads run while its compiled loops work."
        #expect(AnswerGrader().grade(answer: answer, keypoints: [point]).points[0].verdict == .absent)
        let taught = GradingCorrection(cardID: "c1", keypoint: point, phrase: "NumPy lets other threads run while its compiled loops work", accepted: true)
        let grade = AnswerGrader().grade(answer: answer, keypoints: [point], corrections: [taught])
        #expect(grade.points[0].verdict == .stated)
        #expect(grade.points[0].taught)
        #expect(grade.rating == .easy)
        // Another answer that does not say the phrase is graded as before.
        #expect(AnswerGrader().grade(answer: "Threads share memory.", keypoints: [point], corrections: [taught]).points[0].verdict == .absent)
    }

    @Test func aRejectedPhraseContradictsThePointAndOutweighsAnAcceptance() {
        let answer = "C extensions release the GIL only when they are written in Rust."
        #expect(AnswerGrader().grade(answer: answer, keypoints: [point]).points[0].verdict == .stated)
        let rejected = GradingCorrection(cardID: "c1", keypoint: point, phrase: "only when written in Rust", accepted: false)
        let accepted = GradingCorrection(cardID: "c1", keypoint: point, phrase: "C extensions release the GIL", accepted: true)
        let grade = AnswerGrader().grade(answer: answer, keypoints: [point], corrections: [accepted, rejected])
        #expect(grade.points[0].verdict == .contradicted)
        #expect(grade.points[0].taught)
    }

    @Test func thePhraseKeptIsTheSentenceClosestToThePoint() {
        let answer = "Threads share memory. NumPy releases the GIL inside its C loops. That is all."
        #expect(GradingCorrection.phrase(in: answer, for: point) == "NumPy releases the GIL inside its C loops")
        #expect(GradingCorrection.phrase(in: "no idea really", for: point) == "no idea really")
    }
}
