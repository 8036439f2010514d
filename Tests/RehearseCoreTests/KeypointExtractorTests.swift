import Testing

@testable import RehearseCore

@Suite struct KeypointExtractorTests {
    @Test func listItemsAreKeypoints() {
        #expect(KeypointExtractor.keypoints(from: "1. multiprocessing module\n2. ProcessPoolExecutor\n- Dask for distributed work") == [
            "multiprocessing module", "ProcessPoolExecutor", "Dask for distributed work",
        ])
    }

    @Test func sentencesSplitButNotAtAbbreviationsOrVersions() {
        #expect(KeypointExtractor.keypoints(from: "Hash tables, e.g. dicts. Since Python 3.7 they keep insertion order.") == [
            "Hash tables, e.g. dicts", "Since Python 3.7 they keep insertion order",
        ])
    }

    @Test func sentencesDoNotEndInsideBracketsOrAtAnEllipsisThatElidesCode() {
        #expect(KeypointExtractor.sentences(in: "Pessimistic takes a lock up front (SELECT ... FOR UPDATE). Optimistic checks a version.") == [
            "Pessimistic takes a lock up front (SELECT ... FOR UPDATE)", "Optimistic checks a version",
        ])
        #expect(KeypointExtractor.sentences(in: "Lock the row with SELECT ... FOR UPDATE first. Then write.") == [
            "Lock the row with SELECT ... FOR UPDATE first", "Then write",
        ])
        #expect(KeypointExtractor.sentences(in: "It retries (twice. Then gives up) and logs. Done.") == [
            "It retries (twice. Then gives up) and logs", "Done",
        ])
    }

    @Test func aSingleSentenceSplitsIntoItsClauses() {
        #expect(KeypointExtractor.keypoints(from: "A lock in CPython that lets one thread run bytecode at a time.") == [
            "A lock in CPython", "lets one thread run bytecode at a time",
        ])
        // "so that" does not start a clause of its own.
        #expect(KeypointExtractor.keypoints(from: "A B-tree keeps keys sorted so that a lookup walks from the root to a leaf.") == [
            "A B-tree keeps keys sorted so that a lookup walks from the root to a leaf",
        ])
    }

    @Test func aPhraseThatSetsTheSceneStaysWithTheClauseAfterIt() {
        #expect(KeypointExtractor.keypoints(from: "With n replicas, a write to w of them and a read from r overlap when w + r > n.") == [
            "With n replicas, a write to w of them and a read from r overlap when w + r > n",
        ])
        #expect(KeypointExtractor.keypoints(from: "When the cache is full, the least recently used entry goes, and the new one takes its slot.") == [
            "When the cache is full, the least recently used entry goes", "and the new one takes its slot",
        ])
        // Clauses that each state something still split at their comma.
        #expect(KeypointExtractor.keypoints(from: "Lists can change in place, tuples cannot and so can be dict keys.") == [
            "Lists can change in place", "tuples cannot and so can be dict keys",
        ])
    }

    @Test func aShortLeadInLabelIsNotAPoint() {
        #expect(KeypointExtractor.keypoints(from: "Many requests miss at once and all hit the database. Fixes:\n- a lock per key\n- serve stale data") == [
            "Many requests miss at once and all hit the database", "a lock per key", "serve stale data",
        ])
        // A longer sentence that ends in a colon still says something.
        #expect(KeypointExtractor.keypoints(from: "Copies of the data live on several machines:\n- replicas") == [
            "Copies of the data live on several machines:", "replicas",
        ])
    }

    @Test func asidesToTheReaderAreNotPartOfAPoint() {
        #expect(KeypointExtractor.keypoints(from: "1. Dask for distributed computation (you used this!)\n2. Rust extensions via PyO3 (worth it!)\n3. C extensions (NumPy, etc.)") == [
            "Dask for distributed computation", "Rust extensions via PyO3", "C extensions (NumPy, etc.)",
        ])
    }

    @Test func setupCodeIsNotAKeypointAndLongAnswersAreMergedToEight() {
        #expect(KeypointExtractor.keypoints(from: "`is` compares identity.\na = [1, 2]; b = [1, 2]\n`==` compares values.") == [
            "`is` compares identity", "`==` compares values",
        ])
        let long = (1...12).map { "- point number \($0) here" }.joined(separator: "\n")
        let points = KeypointExtractor.keypoints(from: long)
        #expect(points.count == 8)
        #expect(points.joined(separator: "; ").components(separatedBy: "point number").count - 1 == 12)
    }

    @Test func everyQuestionOfTheUsersGuideHasTwoToEightKeypoints() throws {
        let guide = try TestFiles.userGuide()
        for item in guide.items {
            switch item.content {
            case .qa(_, let answer), .prompt(_, let answer), .concept(_, let answer):
                #expect((2...8).contains(KeypointExtractor.keypoints(from: answer).count), "\(item.section)")
            default: continue
            }
        }
    }

    @Test func aListOfShortPhrasesIsOnePointPerItemAndALineEndingInACommaGoesOn() {
        #expect(KeypointExtractor.keypoints(from: "Look for: reference cycles, caches growing without bound,\nfiles never closed, sockets left open.") == [
            "reference cycles", "caches growing without bound", "files never closed", "sockets left open",
        ])
        // Commas inside parentheses do not split an item.
        #expect(KeypointExtractor.keypoints(from: "Good for: reading large files (logs, exports), endless streams, staged pipelines.") == [
            "reading large files (logs, exports)", "endless streams", "staged pipelines",
        ])
        // Single words are examples of one thing, and a sentence with commas is one point.
        #expect(KeypointExtractor.keypoints(from: "Common uses: logging, caching, auth, timing.\nIt runs once, at import time, before any call.") == [
            "Common uses: logging, caching, auth, timing", "It runs once, at import time, before any call",
        ])
    }

    /// Prose a page wrapped goes on over the break, and a word the wrap broke with a hyphen
    /// is whole again; short lines of a list written without bullets stay points of their own.
    @Test func aLineAPageWrappedGoesOnTheLineBefore() {
        #expect(KeypointExtractor.keypoints(from: """
            A B-tree keeps keys sorted in pages, so a lookup reads a few pages from the root
            down to a leaf. Each leaf points to the rows, or holds them in a clustered index. Range
            scans walk the leaves in order, which is why ORDER BY on an indexed column is cheap.
            """) == [
            "A B-tree keeps keys sorted in pages, so a lookup reads a few pages from the root down to a leaf",
            "Each leaf points to the rows, or holds them in a clustered index",
            "Range scans walk the leaves in order, which is why ORDER BY on an indexed column is cheap",
        ])
        #expect(KeypointExtractor.keypoints(from: "• Inserts into the middle of the index split pages; random keys split far more than se-\nquential ones.\n• Reads stay cheap.") == [
            "Inserts into the middle of the index split pages; random keys split far more than sequential ones", "Reads stay cheap",
        ])
        #expect(KeypointExtractor.keypoints(from: "Check for:\nreference cycles\nfiles never closed") == ["reference cycles", "files never closed"])
    }

    @Test func codeIllustratesAPointAndIsNotOneUnlessThereIsNothingElse() {
        #expect(KeypointExtractor.keypoints(from: "Binds a name inside an expression.\nwhile (chunk := f.read(64)): handle(chunk)\nif (n := len(items)) > 3: print(n)") == [
            "Binds a name inside an expression",
        ])
        #expect(KeypointExtractor.keypoints(from: "while (chunk := f.read(64)): handle(chunk)") == ["while (chunk := f.read(64)): handle(chunk)"])
        // A label of a few words that ends in a colon names what follows.
        #expect(KeypointExtractor.keypoints(from: "For class D(B, C):\nD is searched before B, then C") == ["D is searched before B, then C"])
        // A fenced block is code, fence lines and all, whatever its lines look like.
        let fenced = "`is` compares identity.\n`==` compares values.\n\n```python\nleft = [1, 2]\nleft is left\n```"
        #expect(KeypointExtractor.keypoints(from: fenced) == ["`is` compares identity", "`==` compares values"])
        #expect(KeypointExtractor.keypoints(from: "```\nprint(1)\n```") == ["print(1)"])
    }

    @Test func theLinesThatGoOnCodeAndTheClaimsOfWhatItComputesAreCodeToo() {
        // `return …` and `yield …` alone could open a sentence; under an open block they are its
        // body, and an arrow line after the code states what the code computes.
        let answer = "Walk the tree depth first.\nCode:\ndef leaves(node):\nif not node.children:\nyield node.name\n"
            + "return\nfor child in node.children:\nyield from leaves(child)\nlist(leaves(tree)) → ['a', 'b']\nIt never builds a list."
        #expect(KeypointExtractor.keypoints(from: answer) == ["Walk the tree depth first", "It never builds a list"])
        // After SQL, a line is code only where it goes on the statement.
        #expect(KeypointExtractor.keypoints(from: "Count the rows.\nSELECT count(*) FROM orders;\nreturn early when it is zero") == [
            "Count the rows", "return early when it is zero",
        ])
    }

    @Test func aCommentOverCodeIsPartOfTheCode() {
        let query = "-- customers that never ordered\nSELECT c.id FROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nWHERE o.id IS NULL;"
        #expect(KeypointExtractor.keypoints(from: query) == [
            "SELECT c.id FROM customers c", "LEFT JOIN orders o ON o.customer_id = c.id", "WHERE o.id IS NULL;",
        ])
        let twoLines = "-- customers that never ordered\n-- found by an anti-join\nSELECT c.id FROM customers c\nWHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id);"
        #expect(KeypointExtractor.keypoints(from: twoLines) == [
            "SELECT c.id FROM customers c", "WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id);",
        ])
        let fenced = "Counts each word once.\n# the loop\n```python\nfor word in words: counts[word] += 1\n```"
        #expect(KeypointExtractor.keypoints(from: fenced) == ["Counts each word once"])
        let python = "# count each word\nfor word in words: counts[word] += 1"
        #expect(KeypointExtractor.keypoints(from: python) == ["for word in words", "counts[word] += 1"])
        // A comment over prose, or at the end, says something.
        #expect(KeypointExtractor.keypoints(from: "-- An anti-join keeps the rows with no match.") == ["An anti-join keeps the rows with no match"])
    }
}
