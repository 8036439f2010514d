import Foundation
import Testing

@testable import RehearseCore

/// Lines written for a tool rather than for Python (psql's meta-commands, the Mongo shell,
/// command lines of programs named by their file, crontab entries, Makefiles, Protocol Buffers,
/// a JSON body): code in its own language, not headings, prose or Python.
@Suite struct CommandCodeTests {
    @Test func aFlatDataStoresGuideReadsEachToolsLinesAsItsOwnCode() throws {
        let guide = try TestFiles.fixture("datastores.txt")
        // No command line became a heading that swallowed the sections after it.
        #expect(guide.sections.map(\.title) == [
            "Redis", "MongoDB", "PostgreSQL from the shell", "Kafka", "Protocol Buffers", "Scheduled jobs", "Makefile", "HTTP",
            "Capacity estimate", "Common Interview Questions",
        ])
        #expect(guide.sections.flatMap(\.children).isEmpty)
        #expect(guide.codeBlocks.map(\.language) == [
            "redis", "python", "javascript", "sql", "shell", "protobuf", "protobuf", "crontab", "makefile", "http", "http", "nginx",
        ])
        #expect(guide.codeBlocks[2].code.hasPrefix("db.users.insertOne({name: \"alice\", age: 31})\ndb.users.find("))
        #expect(guide.codeBlocks[2].code.components(separatedBy: "\n").count == 3)
        #expect(guide.codeBlocks[3].code == "\\dt\n\\d users\n\\timing on\nEXPLAIN ANALYZE SELECT * FROM users WHERE email = 'a@b.c';")
        #expect(guide.codeBlocks[4].code.hasPrefix("kafka-topics.sh --create"))
        #expect(guide.codeBlocks[4].code.contains("\nkafka-console-consumer.sh --topic orders"))
        #expect(guide.codeBlocks[5].code == "syntax = \"proto3\";\nmessage User {\n    int64 id = 1;\n    string email = 2;\n    repeated string roles = 3;\n}")
        #expect(guide.codeBlocks[7].code == "30 2 * * * /usr/local/bin/cleanup --older-than 30d")
        // make wants its recipes after a tab.
        #expect(guide.codeBlocks[8].code == "test:\n\tpytest -q\nlint:\n\truff check .")
        #expect(guide.codeBlocks[10].code == "HTTP/1.1 200 OK\nContent-Type: application/json\n{\"id\": 42, \"name\": \"alice\"}")
        // The label before the psql lines is a caption, not a shell command.
        #expect(guide.codeBlocks[3].item.caption == "psql meta-commands")
        #expect(guide.questions == ["When would you pick Redis over Postgres?", "How does Kafka keep order?"])
        #expect(guide.warnings.isEmpty)
    }

    @Test(arguments: [
        // Flask-SQLAlchemy and pymongo: snake-case methods, quoted keys and operators.
        "db.session.add(user)\ndb.session.commit()",
        "users = db.users.find_one({\"_id\": 1})\ndb.users.update_one({\"_id\": 1}, {\"$set\": {\"name\": \"bob\"}})",
    ])
    func pythonThatTalksToADatabaseStaysPython(code: String) throws {
        let guide = try GuideReader().read(text: "Databases from Python\nThese are Python:\n\(code)\n", fileName: "12-db.txt")
        #expect(guide.codeBlocks.map(\.language) == ["python"])
    }

    @Test(arguments: [
        // Lower-case labels over phrases; a wrapped sentence with an option in it; a count.
        "pros:\nfast reads\ncons:\nslow writes",
        "Pytest tips, when a test fails, are simple:\nre-run with -x to stop at the first failure",
        "3 generations: 0 (young), 1, 2 (old)",
    ])
    func proseThatLooksLikeACommandStaysProse(text: String) throws {
        let guide = try GuideReader().read(text: "Notes\n\(text)\n", fileName: "12-notes.txt")
        #expect(guide.codeBlocks.isEmpty)
    }

    /// `install:` over a command is a label and its command, unless something only make
    /// writes says the lines are a Makefile.
    @Test func labelsOverCommandsAreAMakefileOnlyWhenMakeSaysSo() throws {
        let labels = try GuideReader().read(text: "Setup\ninstall:\npip install fastapi\nrun:\nuvicorn main:app --reload\n", fileName: "12-setup.txt")
        #expect(labels.codeBlocks.map(\.language) == ["shell", "shell"])
        #expect(labels.codeBlocks.map(\.item.caption) == ["install", "run"])
        let makefile = try GuideReader().read(
            text: "Build\n.PHONY: test lint\ntest:\n$(PYTHON) -m pytest\nlint: install\n@ruff check .\n", fileName: "12-build.txt")
        #expect(makefile.codeBlocks.map(\.language) == ["makefile"])
        #expect(makefile.codeBlocks.first?.code == ".PHONY: test lint\ntest:\n\t$(PYTHON) -m pytest\nlint: install\n\t@ruff check .")
    }

    @Test func programsNamedByTheirFileAreCommands() throws {
        let guide = try GuideReader().read(
            text: "Scripts\n./manage.py migrate\ndocker-compose up -d\npg_dump -Fc mydb > backup.dump\n", fileName: "12-scripts.txt")
        #expect(guide.codeBlocks.map(\.language) == ["shell"])
        #expect(guide.codeBlocks.first?.code.components(separatedBy: "\n").count == 3)
    }

    /// Request lines without a version list a service's endpoints, with a JSON body after one;
    /// `Pros:` after them is a label, not a header.
    @Test func anEndpointListIsOneHTTPBlockAndALabelAfterItIsNoHeader() throws {
        let text = "13 — APIs\nREST endpoints\nPOST /api/v1/orders\n{\n\"user_id\": 42\n}\nGET /api/v1/orders/{id}\nDELETE /api/v1/orders/{id}\nPros:\n- Stable under inserts\n"
        let guide = try GuideReader().read(text: text, fileName: "13-api.txt")
        #expect(guide.sections.map(\.title) == ["REST endpoints"])
        #expect(guide.codeBlocks.map(\.language) == ["http"])
        #expect(guide.codeBlocks.first?.code == "POST /api/v1/orders\n{\n\"user_id\": 42\n}\nGET /api/v1/orders/{id}\nDELETE /api/v1/orders/{id}")
        #expect(guide.items(of: .concept).map(\.content) == [.concept(title: "Pros", text: "- Stable under inserts")])
    }

    /// An annotation over a brace header is brace code; over a `def` it is a Python decorator;
    /// alone on the last line it is neither, and reading it does not run past the guide's end.
    @Test func annotationsGoWithTheCodeTheyAnnotate() throws {
        let java = try GuideReader().read(
            text: "Java controller\n@RestController\npublic class OrderController {\n@GetMapping(\"/orders/{id}\")\npublic Order get(@PathVariable long id) {\nreturn repository.findById(id).orElseThrow();\n}\n}\n",
            fileName: "13-java.txt")
        #expect(java.codeBlocks.map(\.language) == ["java"])
        #expect(java.codeBlocks.first?.code.hasPrefix("@RestController\npublic class OrderController {\n    @GetMapping") == true)
        let python = try GuideReader().read(text: "Caching\n@lru_cache(maxsize=128)\ndef fib(n):\nreturn n\n", fileName: "13-cache.txt")
        #expect(python.codeBlocks.map(\.language) == ["python"])
        #expect(python.codeBlocks.first?.code == "@lru_cache(maxsize=128)\ndef fib(n):\n    return n")
        let last = try GuideReader().read(text: "Annotations\nThe last line is one.\n@Deprecated", fileName: "13-last.txt")
        #expect(last.codeBlocks.map(\.code) == ["@Deprecated"])
        #expect(last.codeBlocks.map(\.language) == ["python"])
    }

    @Test(arguments: [
        ("\\dt\n\\d users", "sql"),
        ("db.users.find({age: {$gt: 30}})", "javascript"),
        ("*/5 * * * * /usr/bin/backup", "crontab"),
        ("syntax = \"proto3\";\nmessage User {\n  int64 id = 1;\n}", "protobuf"),
    ])
    func untaggedFencesAreNamedLikeTheFlatReadersBlocks(code: String, language: String) throws {
        let guide = try GuideReader().read(text: "# Tools\n\n## Lines\n\n```\n\(code)\n```\n", fileName: "12-tools.md")
        #expect(guide.codeBlocks.map(\.language) == [language])
    }
}

extension GuideItem {
    /// The label a code item was introduced by (`psql meta-commands:`), if any.
    fileprivate var caption: String? {
        if case .code(_, _, let caption) = content { caption } else { nil }
    }
}
