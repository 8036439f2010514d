import Foundation
import Testing

@testable import RehearseCore

/// The user's own guide, `shared/guides/03-python-deep-dive.txt`: flattened text whose code
/// lost its indentation.
@Suite struct UserGuideTests {
    let guide: Guide

    init() throws {
        guide = try TestFiles.userGuide()
    }

    @Test func readsTitlePriorityAndNextGuide() {
        #expect(guide.id == "03-python-deep-dive")
        #expect(guide.number == "03")
        #expect(guide.title == "Python Deep Dive for Interviews")
        #expect(guide.priority == .high)
        #expect(guide.format == .flatText)
        #expect(guide.next == "04-databases-and-sql.md")
    }

    @Test func findsTheNineContentsSectionsAndMyNotesInOrder() {
        #expect(guide.sections.map(\.title) == [
            "Python Internals", "Concurrency & Parallelism", "Advanced Language Features", "FastAPI Deep Dive",
            "Django Deep Dive", "Testing", "Performance & Profiling", "Common Interview Questions", "Resources",
            "My Notes",
        ])
    }

    @Test func findsSubHeadingsIncludingLowercaseOnes() {
        let children = Dictionary(uniqueKeysWithValues: guide.sections.map { ($0.title, $0.children.map(\.title)) })
        #expect(children["Python Internals"] == ["The GIL (Global Interpreter Lock)", "Memory Management", "Object Model"])
        #expect(children["Concurrency & Parallelism"] == [
            "asyncio (Most Important for Your Profile)", "Threading vs Multiprocessing vs Asyncio", "concurrent.futures",
        ])
        #expect(children["Advanced Language Features"] == [
            "Decorators", "Generators & Iterators", "Context Managers", "Metaclasses & Descriptors (Advanced)",
            "Type Hints (Python 3.9+)", "Dataclasses & Pydantic",
        ])
        #expect(children["Common Interview Questions"] == ["Core Python", "Production Python"])
        #expect(children["Testing"] == [])
    }

    @Test func readsEveryQuestionAndPrompt() {
        #expect(guide.questions == [
            "How do you handle CPU-bound tasks?",
            "How do you handle I/O-bound tasks?",
            "How does FastAPI achieve high performance?",
            "Explain FastAPI's dependency injection system.",
            "async def vs def in FastAPI endpoints?",
            "How do you handle auth in FastAPI?",
            "How do you test FastAPI?",
            "What's the difference between is and ==?",
            "How are Python dictionaries implemented?",
            "Explain Python decorators.",
            "What are Python generators and when would you use them?",
            "Explain Python's MRO (Method Resolution Order).",
            "What is a closure?",
            "Explain *args and **kwargs.",
            "What is the walrus operator (:=)?",
            "How would you handle 100K+ concurrent requests in Python?",
            "How do you debug memory leaks in Python?",
            "How do you handle database connection pooling?",
        ])
        #expect(guide.items(of: .prompt).count == 2)
        #expect(guide.items(of: .qa).count == 16)
    }

    @Test func keepsMultiLineAnswersWhole() throws {
        let prompt = try #require(guide.items(of: .prompt).first)
        guard case .prompt(_, let answer) = prompt.content else { Issue.record("not a prompt"); return }
        #expect(answer == """
            1. multiprocessing module (separate processes)
            2. concurrent.futures.ProcessPoolExecutor
            3. C extensions that release the GIL (NumPy, etc.)
            4. Dask for distributed computation (you used this!)
            5. Rust extensions via PyO3/maturin (your Rust knowledge is valuable here!)
            """)
        let walrus = try #require(guide.items(of: .qa).first {
            if case .qa(let question, _) = $0.content { question.contains("walrus") } else { false }
        })
        guard case .qa(_, let walrusAnswer) = walrus.content else { return }
        #expect(walrusAnswer.hasSuffix("if (n := len(data)) > 10: print(f\"Large: {n}\")"))
        #expect(walrus.section == ["Common Interview Questions", "Core Python"])
    }

    @Test func restoresTheRetryDecoratorFactory() throws {
        let code = try #require(guide.code(containing: "def retry("))
        #expect(code.contains("""
            def retry(max_attempts=3, delay=1):
                \"\"\"Decorator with parameters.\"\"\"
                def decorator(func):
                    @functools.wraps(func) # preserves function metadata
                    def wrapper(*args, **kwargs):
                        for attempt in range(max_attempts):
                            try:
                                return func(*args, **kwargs)
                            except Exception as e:
                                if attempt == max_attempts - 1:
                                    raise
                                time.sleep(delay * (2 ** attempt)) # exponential backoff
                    return wrapper
                return decorator
            @retry(max_attempts=3, delay=1)
            def call_external_api():
                ...
            """))
    }

    @Test func restoresTheContextManagers() throws {
        let code = try #require(guide.code(containing: "class DatabaseConnection"))
        #expect(code.contains("""
            class DatabaseConnection:
                def __enter__(self):
                    self.conn = create_connection()
                    return self.conn
                def __exit__(self, exc_type, exc_val, exc_tb):
                    self.conn.close()
                    return False # don't suppress exceptions
            """))
        #expect(code.contains("""
            with timer("query"):
                result = db.execute(query)
            """))
        #expect(code.hasSuffix("""
            class AsyncDBPool:
                async def __aenter__(self):
                    self.pool = await create_pool()
                    return self.pool
                async def __aexit__(self, *args):
                    await self.pool.close()
            """))
    }

    @Test func restoresNestedFunctionsAndSiblings() throws {
        let singleton = try #require(guide.code(containing: "def singleton"))
        #expect(singleton.contains("""
                    if cls not in instances:
                        instances[cls] = cls(*args, **kwargs)
                    return instances[cls]
                return get_instance
            """))
        let patterns = try #require(guide.code(containing: "async def producer"))
        #expect(patterns.contains("async def producer():\n    await queue.put(item)\nasync def consumer():\n    item = await queue.get()"))
        let fastapi = try #require(guide.code(containing: "async def list_items("))
        #expect(fastapi.contains("async def list_items(\n    skip: int = Query(0, ge=0),\n    limit: int = Query(10, ge=1, le=100),\n    q: Optional[str] = None\n):\n    ..."))
    }

    @Test func everyRestoredPythonBlockParsesExceptTheInvalidOriginal() throws {
        let python = guide.codeBlocks.filter { $0.language == "python" }
        #expect(python.count == 12)
        var failures: [String] = []
        for block in python {
            if let error = try PythonParser.error(in: block.code) { failures.append("\(block.item.section.last ?? ""): \(error)") }
        }
        // The guide's optimisation list writes `if x in s:` with no body, which is not valid
        // Python however it is indented; the reader says so with the line.
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("Performance & Profiling") == true)
        #expect(guide.warnings.contains { $0.line == 458 && $0.message.contains("no body") })
    }

    @Test func readsTheComparisonTable() throws {
        let table = try #require(guide.items(of: .table).first)
        guard case .table(let header, let rows) = table.content else { return }
        #expect(header == ["Feature", "threading", "multiprocessing", "asyncio"])
        #expect(rows.count == 7)
        #expect(rows.first == ["Concurrency model", "Preemptive", "True parallel", "Cooperative"])
        #expect(rows.last == ["Scaling", "~100s threads", "~10s processes", "~10,000s tasks"])
    }

    @Test func readsClaimsWithTheirSetup() {
        let claims = guide.items(of: .claim).map(\.content)
        #expect(claims == [
            .claim(expr: "type(42)", expected: "<class 'int'>", setup: nil),
            .claim(expr: "type(int)", expected: "<class 'type'>", setup: nil),
            .claim(expr: "type(type)", expected: "<class 'type'>", setup: nil),
            .claim(expr: "a == b", expected: "True", setup: "a = [1, 2]; b = [1, 2]"),
            .claim(expr: "a is b", expected: "False", setup: "a = [1, 2]; b = [1, 2]"),
        ])
    }

    @Test func readsConceptsDefinitionsStoryResourcesAndNotes() {
        #expect(guide.items.contains { $0.content == .concept(title: "What", text: "A mutex in CPython that allows only ONE thread to execute Python bytecode at a time.") })
        #expect(guide.items.contains { $0.content == .definition(term: "__slots__", definition: "prevents __dict__ per instance, saves memory", context: "Memory Optimization") })
        #expect(guide.items.contains { $0.content == .definition(term: "select_related", definition: "JOIN (foreign key, one-to-one — single query)", context: nil) } == false)
        let story = guide.items(of: .story).map(\.content)
        #expect(story.count == 1)
        if case .story(let text) = story.first {
            #expect(text.hasPrefix("At Intensel, I use asyncio"))
            #expect(text.hasSuffix("effectively bypassing the GIL."))
        }
        let resources = guide.items(of: .resource).map(\.content)
        #expect(resources.count == 7)
        #expect(resources.contains(.resource(title: "Real Python", url: "https://realpython.com", description: "tutorials for all levels")))
        #expect(guide.items(of: .notesPrompt).map(\.content) == [
            .notesPrompt(text: "Python concepts I'm solid on"), .notesPrompt(text: "Concepts I need to review"),
            .notesPrompt(text: "Code patterns I use daily but can't explain well"),
        ])
    }

    @Test func givesStableUniqueIDs() throws {
        let again = try TestFiles.userGuide()
        #expect(guide.items.map(\.id) == again.items.map(\.id))
        #expect(Set(guide.items.map(\.id)).count == guide.items.count)
    }

    /// Review history is filed under item ids: a new version of the reader must give the
    /// items of an unchanged guide the ids the last one gave (these were computed by the
    /// first release and must never be updated to match a new result).
    @Test func keepsTheIDsOfEarlierVersions() {
        let ids = Dictionary(guide.items.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        #expect(ids["b800db25201e123a"] == .concept)  // "What:" under the GIL
        #expect(ids["0c0e42dfb2ed17a0"] == .definition)  // "CPU-bound threads: …"
        #expect(ids["263bb8505ecd5c86"] == .qa)  // "How does FastAPI achieve high performance?"
        #expect(ids["9e486889119a3f7a"] == .code)  // the first snippet
    }
}
