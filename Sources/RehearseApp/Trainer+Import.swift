import Foundation
import RehearseCore
import RehearseLab
import RehearseStore

/// What importing one guide did.
public struct ImportOutcome: Sendable {
    public var guide: Guide
    public var report: ImportReport
    /// How many "What does this print?" cards the code lab made; nil when it did not run.
    public var predictOutputCards: Int?
    /// The code lab's verdicts; nil when it did not run.
    public var lab: LabReport?
}

extension Trainer {
    /// The largest guide either door imports, in bytes.
    public static let maximumGuideSize = 16 << 20

    /// Whether a file name is one a guide is imported from (`.md`, `.markdown`, `.txt`).
    public static func isGuideFileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".txt")
    }

    /// A checker for a guide arriving as bytes, with the limit every door applies.
    public static func uploadDecoder(fileName: String) -> GuideTextDecoder {
        GuideTextDecoder(fileName: fileName, maximumSize: maximumGuideSize)
    }

    /// Imports the guide file at `path`: the checked reader, then the pipeline of
    /// ``importGuide(text:fileName:source:)``.
    public func importGuide(file path: String) async throws -> ImportOutcome {
        let text = try await offload { () throws(GuideError) -> String in
            try GuideReader(maximumSize: Self.maximumGuideSize).text(ofFile: path)
        }
        return try await importGuide(text: text, fileName: (path as NSString).lastPathComponent, source: path)
    }

    /// Imports a guide's checked text: reads it, runs its snippets and claims in the sandbox
    /// (when there is one; claims that hold only under a rival reading of restored Python
    /// choose that reading, ``ClaimedReading``), and again the snippets that printed something (only output
    /// printed the same both times makes a "What does this print?" card; what the last
    /// import ran in the same sandbox is not run again), then stores the guide, its cards and the lab's report in one
    /// transaction. Importing again updates the guide in place.
    public func importGuide(text: String, fileName: String, source: String, at now: Date = Date()) async throws -> ImportOutcome {
        let read = try await offload { () throws(GuideError) in try GuideReader().read(text: text, fileName: fileName) }
        let checked = try await check(read)
        let guide = checked?.guide ?? read
        let outputCards = checked.map { PredictOutputCards.cards(guide: guide, first: $0.report.snippets, again: $0.again) }
        let report = try await database { store in
            try store.importGuide(guide, text: text, outputCards: outputCards, lab: checked.map { ($0.report, $0.memory.json) }, source: source,
                                  fileName: fileName, at: now)
        }
        return ImportOutcome(guide: guide, report: report, predictOutputCards: outputCards?.count, lab: checked?.report)
    }

    /// The code lab's two runs over a guide about to be imported, remembering what the last
    /// import of it ran; nil when there is no sandbox.
    private func check(_ guide: Guide) async throws -> (guide: Guide, report: LabReport, again: [SnippetResult], memory: LabMemory)? {
        guard let lab = await lab.value else { return nil }
        let id = guide.id
        let memory = try await database { store in try store.labMemory(guide: id) }.flatMap(LabMemory.init(json:))
        return try await offload { () throws(GuideError) in lab.checkTwice(guide, remembering: memory) }
    }

    /// Imports the bundled starter guide when no guide is imported yet; true when it did.
    public func importStarterGuideIfEmpty(at now: Date = Date()) async throws -> Bool {
        guard try await guideIDs().isEmpty else { return false }
        let starter = try await offload { () throws(GuideError) in try StarterGuide.pythonDeepDive() }
        _ = try await database { store in
            try store.importGuide(starter, source: "bundled:\(StarterGuide.pythonDeepDiveFileName)", at: now)
        }
        return true
    }

    /// The imported guides' ids and titles, by id: what lists of guides show.
    public func guideTitles() async throws -> [(id: String, title: String?)] {
        try await database { store in try store.guideTitles() }
    }

    /// The ids of the imported guides.
    public func guideIDs() async throws -> [String] {
        try await database { store in try store.guideIDs() }
    }

    /// Runs reading or the code lab off the cooperative pool; a guide error becomes
    /// ``TrainerError/unreadableGuide(_:)``.
    func offload<T: Sendable>(_ work: @escaping @Sendable () throws(GuideError) -> T) async throws -> T {
        let result: Result<T, GuideError> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: Result(catching: work)) }
        }
        return try result.mapError(TrainerError.unreadableGuide).get()
    }
}
