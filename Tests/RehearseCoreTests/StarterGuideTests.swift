import Foundation
import Testing

@testable import RehearseCore

/// The bundled guide Rehearse drills when the user has imported none.
@Suite struct StarterGuideTests {
    let guide: Guide

    init() throws {
        guide = try StarterGuide.pythonDeepDive()
    }

    /// An answer that holds a snippet is complete only after the snippet, yet it is listed
    /// first, where it starts.
    @Test func listsAnAnswerBeforeTheSnippetItHolds() throws {
        let firstLines = guide.items.map(\.lines.lowerBound)
        #expect(firstLines == firstLines.sorted())
        let answer = try #require(guide.items.firstIndex { item in
            if case .qa(let question, _) = item.content { question.contains("`is` and `==`") } else { false }
        })
        let snippet = try #require(guide.items.firstIndex { $0.kind == .code && guide.items[answer].lines.contains($0.lines.lowerBound) })
        #expect(answer < snippet)
    }

    @Test func coversEveryTopicOfAPythonDeepDive() {
        let titles = Set(guide.sections.flatMap { [$0.title] + $0.children.map(\.title) })
        for topic in [
            "The Global Interpreter Lock", "Memory and Garbage Collection", "Objects and Types", "asyncio",
            "concurrent.futures", "Decorators", "Generators", "Context Managers", "Metaclasses and Descriptors",
            "Type Hints", "Dataclasses and Pydantic", "FastAPI", "Django ORM", "pytest", "Profiling", "Core Language",
        ] {
            #expect(titles.contains(topic), "missing \(topic)")
        }
        #expect(guide.items(of: .qa).count >= 10)
        #expect(guide.priority == .high)
    }

    @Test func everyPythonSnippetParses() throws {
        let python = guide.codeBlocks.filter { $0.language == "python" }
        #expect(python.count >= 14)
        for block in python {
            #expect(try PythonParser.error(in: block.code) == nil, "\(block.item.section)")
        }
    }

    /// Its prose is written anew; code may share the standard signatures (`def __get__(self, obj, objtype=None):`).
    @Test func writesNoSentenceOfTheUsersGuide() throws {
        let url = TestFiles.sharedFolder.appendingPathComponent("guides/03-python-deep-dive.txt")
        let userLines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { StableID.normalizedForComparison($0) }.filter { $0.count >= 30 }
        let starter = guide.items.map { item -> String in
            switch item.content {
            case .qa(let question, let answer), .prompt(let question, let answer): question + "\n" + answer
            case .concept(let title, let text): title + "\n" + text
            case .definition(let term, let definition, _): term + ": " + definition
            default: ""
            }
        }.joined(separator: "\n").split(separator: "\n").map { StableID.normalizedForComparison($0) }
        let copied = Set(userLines).intersection(starter)
        #expect(copied.isEmpty, "copied: \(copied)")
    }
}

extension StableID {
    /// Lower-cased with white space folded and list markers dropped, to compare sentences.
    static func normalizedForComparison(_ line: Substring) -> String {
        let text = line.trimmingWhitespace()
        let body = text.bulletText ?? text.numberedText ?? text
        return body.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
