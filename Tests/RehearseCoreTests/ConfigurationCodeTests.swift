import Foundation
import Testing

@testable import RehearseCore

/// Settings files, Dockerfiles and YAML in guides: kept as code in their own language, not read as
/// Python (which would run them in the lab and fail), and Python that merely assigns is left
/// as Python.
@Suite struct ConfigurationCodeTests {
    @Test func aFlatDeploymentGuideKeepsItsSettingsAndDockerfileApartFromPython() throws {
        let guide = try TestFiles.fixture("deployment.txt")
        #expect(guide.codeBlocks.map(\.language) == ["dotenv", "python", "properties", "ini", "python", "dockerfile", "yaml"])
        #expect(guide.codeBlocks[0].code == """
            APP_ENV=development
            DATABASE_URL=postgresql://shop:devpass@localhost:5432/shop
            CACHE_TTL_SECONDS=300
            """)
        #expect(guide.codeBlocks[3].code == "[mypy]\nstrict = true\nexclude = build/")
        // A `RUN` line that ends in a backslash goes on on the next; the prose after the
        // last instruction is not part of the Dockerfile.
        let dockerfile = guide.codeBlocks[5].code
        #expect(dockerfile.hasPrefix("FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1"))
        #expect(dockerfile.contains("RUN pip install --no-cache-dir . \\\n&& rm -rf /root/.cache\nCOPY src/ src/"))
        #expect(dockerfile.hasSuffix("CMD [\"uvicorn\", \"shop.main:app\", \"--host\", \"0.0.0.0\"]"))
        // Flattened YAML is kept as it stands, not read as definitions (`image: postgres:16`).
        #expect(guide.codeBlocks[6].code.hasPrefix("services:\napi:\nbuild: .\nports:\n- \"8000:8000\""))
        #expect(guide.codeBlocks[6].code.hasSuffix("db:\nimage: postgres:16"))
        // `Keep the image small: …` is advice, a clause, not a term the line defines.
        #expect(guide.items(of: .definition).isEmpty)
        #expect(guide.items.contains { $0.content == .concept(title: "Keep the image small", text: "a slim base, and no compilers in the final stage.") })
        for block in guide.codeBlocks where block.language == "python" {
            #expect(try PythonParser.error(in: block.code) == nil, "\(block.code)")
        }
        #expect(guide.questions == ["Why keep secrets out of the image?"])
        #expect(guide.warnings.isEmpty)
    }

    @Test(arguments: [
        // Plain assignments, a URL inside a string, a call with a keyword argument.
        "retries=3\nbackoff=0.5",
        "BASE_URL = \"https://api.example.com\"\nTIMEOUT = 5",
        "DEBUG=False\nPORT=8000",
        "client = connect(url=\"redis://localhost\")\nclient.ping()",
    ])
    func assignmentsThatPythonWritesStayPython(code: String) throws {
        let guide = try GuideReader().read(text: "Settings in code\nThese are Python:\n\(code)\n", fileName: "12-settings.txt")
        #expect(guide.codeBlocks.map(\.language) == ["python"])
    }

    /// Lower-case labels with phrases after them are a guide's own definitions, not YAML.
    @Test func lowerCaseLabelsWithPhrasesStayProse() throws {
        let text = "Latency numbers\nmetrics:\nlatency: time to serve one request\nthroughput: requests served per second\n"
        let guide = try GuideReader().read(text: text, fileName: "12-metrics.txt")
        #expect(guide.codeBlocks.isEmpty)
        #expect(guide.items(of: .definition).count == 2)
    }

    @Test func theDockerAndEnvFenceTagsAreNamedLikeTheFlatReadersBlocks() throws {
        let text = "# Deployment\n\n## Config\n\n```docker\nFROM alpine:3.20\n```\n\n```env\nDEBUG=1\n```\n"
        let guide = try GuideReader().read(text: text, fileName: "12-config.md")
        #expect(guide.codeBlocks.map(\.language) == ["dockerfile", "dotenv"])
    }

    /// Found by the fuzzer: an untagged fence with nothing in it has no first line to look at.
    @Test func anEmptyUntaggedFenceMakesNoCode() throws {
        let guide = try GuideReader().read(text: "# Deployment\n\n## Config\n\n```\n```\n\nNothing to configure yet.\n", fileName: "12-config.md")
        #expect(guide.codeBlocks.isEmpty)
        #expect(guide.items.map(\.kind) == [.concept])
    }

    @Test(arguments: [
        ("apiVersion: v1\nkind: Service\nmetadata:\nname: api", "yaml"),
        ("FROM alpine:3.20\nRUN apk add --no-cache curl", "dockerfile"),
        ("[pytest]\naddopts = -q", "ini"),
        ("acks=all\nenable.idempotence=true", "properties"),
        ("SECRET_KEY=change-me\nSTATIC_ROOT=/srv/static", "dotenv"),
    ])
    func anUntaggedMarkdownFenceIsNamedByItsLines(code: String, language: String) throws {
        let text = "# Deployment\n\n## Config\n\nThe file:\n\n```\n\(code)\n```\n"
        let guide = try GuideReader().read(text: text, fileName: "12-config.md")
        #expect(guide.codeBlocks.map(\.language) == [language])
    }
}
