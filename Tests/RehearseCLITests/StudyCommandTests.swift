import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// `rehearse import`, `study`, `stats` and `plan` on real databases, in real processes.
@Suite(.serialized) final class StudyCommandTests {
    /// The cards the user's guide makes (`InspectCommandTests` lists them): fewer when the
    /// indentation model doubts one more of its code blocks (`rehearse inspect` lists those),
    /// whose write-the-code cards then wait.
    static let userGuideCards = 112

    let folder: URL
    let database: String

    init() throws {
        folder = try CLI.temporaryFolder()
        database = folder.appendingPathComponent("rehearse.sqlite").path
        let imported = try CLI.run("import", "--db", database, CLI.userGuide)
        #expect(imported.status == 0)
        #expect(imported.output.hasPrefix("03-python-deep-dive: \(Self.userGuideCards) added, 0 changed, 0 retired, 0 unchanged"), "\(imported.output)")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func aShortSessionInAPseudoTerminal() throws {
        // Answer three cards, undo the last answer at the next prompt, then quit.
        let (status, screen) = try CLI.pseudoTerminal(database: database, command: "study --limit 3", steps: [
            "show answer=> ", "Easy=>3", "show answer=> ", "Easy=>1", "show answer=> ", "Easy=>4", "undo=>u", "show answer=>q", "Reviewed",
        ])
        #expect(status == 0, "\(screen)")
        #expect(screen.contains("saved: Good"))
        #expect(screen.contains("saved: Again"))
        #expect(screen.contains("saved: Easy"))
        #expect(screen.contains("undone: the last answer was removed"))
        #expect(screen.contains("Reviewed 2 cards, 50% correct"))
        #expect(screen.contains("[1] Again 1m   [2] Hard 6m   [3] Good 10m"))
        #expect(try CLI.reviewCount(database) == 2)
    }

    @Test func aTypedAnswerTeachesTheGraderInAPseudoTerminal() throws {
        let (status, screen) = try CLI.pseudoTerminal(database: database, command: "study --type --limit 1", steps: [
            "Your answer=>a big mutex so that one stream of bytecode goes at once\n",
            "t to correct a point=>t", "Point to correct=>1\n", "learnt for this card=>4", "Reviewed",
        ])
        #expect(status == 0, "\(screen)")
        #expect(screen.contains("learnt for this card: said: "), "\(screen)")
        #expect(screen.contains("(you taught this)"), "\(screen)")
        #expect(try CLI.query(database, "select count(*) from gradingCorrection").first.flatMap { ($0 as? [Any])?.first as? Int } == 1)
        #expect(try CLI.reviewCount(database) == 1)
    }

    @Test func aThreeQuestionMockInterviewInAPseudoTerminal() throws {
        let (status, screen) = try CLI.pseudoTerminal(database: database, command: "mock --questions 3 --minutes 9 --seed 11", steps: [
            "Question 1/3=>Only one thread runs Python bytecode at a time.\n\n",
            "Question 2/3=>I don't know\n\n",
            "Question 3/3=>Processes each have their own interpreter and GIL, so they run in parallel.\n\n",
            "Saved as report",
        ])
        #expect(status == 0, "\(screen)")
        #expect(screen.contains("Mock interview: 3 questions in 9:00"))
        #expect(screen.contains("Mock interview — 3 questions, score"))
        #expect(screen.contains("By section:"))
        #expect(screen.contains("Saved as report #1"))
        #expect(try CLI.reviewCount(database) == 3)
        let history = try CLI.run("mock", "--db", database, "--history")
        #expect(history.output.hasPrefix("#1  "))
        #expect(history.output.contains("3 questions"))
        let notes = try CLI.run("notes", "--db", database)
        #expect(notes.output.hasPrefix("## My Notes"))
        #expect(notes.output.contains("### Python concepts I'm solid on"))
        #expect(notes.output.contains("### Concepts I need to review"))
    }

    @Test func killingASessionLosesNoAnswer() throws {
        let answers = 4
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["study", "--db", database]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var seen = ""
        for _ in 0..<answers {
            input.fileHandleForWriting.write(Data(" 3".utf8))
            let before = seen.components(separatedBy: "saved:").count
            let deadline = Date().addingTimeInterval(20)
            while seen.components(separatedBy: "saved:").count == before, Date() < deadline {
                seen += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(seen.components(separatedBy: "saved:").count - 1 == answers)
        #expect(try CLI.reviewCount(database) == answers)
    }

    @Test func twoSessionsAndStatsShareTheDatabase() throws {
        let keys = String(repeating: " 3", count: 15) + "q"
        let group = DispatchGroup()
        let results = LockedRuns()
        let database = database
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                results.append(try? CLI.run(["study", "--db", database, "--new", "100"], input: keys))
                group.leave()
            }
        }
        var statsRuns: [CLI.Run] = []
        for _ in 0..<5 { statsRuns.append(try CLI.run("stats", "--db", database, "--json")) }
        group.wait()
        let runs = results.values
        #expect(runs.count == 2)
        for run in runs + statsRuns {
            #expect(run.status == 0)
            #expect(!run.error.contains("locked"), "\(run.error)")
        }
        #expect(try CLI.reviewCount(database) == 30)
    }

    @Test func statsReportReadinessAndThePlanCapsIntervals() throws {
        _ = try CLI.run(["study", "--db", database], input: String(repeating: " 4", count: 5) + "q")
        let interview = Calendar.current.date(byAdding: .day, value: 5, to: Date()) ?? Date()
        let day = ISO8601DateFormatter.string(from: interview, timeZone: .current, formatOptions: [.withFullDate])
        let plan = try CLI.run("plan", "--db", database, "--interview", day)
        #expect(plan.status == 0)
        // Five cards studied; the rest are new, spread over the four days before the interview.
        let new = Self.userGuideCards - 5
        #expect(plan.output.contains("\(new) new cards at \((new + 3) / 4) a day"), "\(plan.output)")
        let stats = try CLI.run("stats", "--db", database, "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        let groups = try #require(report["groups"] as? [[String: Any]])
        let whole = try #require(groups.first { $0["section"] == nil })
        #expect(whole["review"] as? Int == 5)
        #expect(whole["new"] as? Int == new)
        #expect((whole["readiness"] as? Double ?? 0) > 0)
        #expect(report["interviewDate"] != nil)
        let text = try CLI.run("stats", "--db", database)
        #expect(text.output.contains("Interview: \(day)"))
        #expect(text.output.contains("Due in the next 14 days:"))
        // With the interview in five days, no card answered Easy is due after it.
        let easy = try CLI.run(["study", "--db", database, "--limit", "1"], input: " 4q")
        #expect(easy.output.contains("saved: Easy, next in"))
        let dueAfter = try #require(easy.output.components(separatedBy: "saved: Easy, next in ").last?.prefix { $0 != "\n" })
        #expect(["1d", "2d", "3d", "4d", "5d"].contains(String(dueAfter)), "\(dueAfter)")
    }

    @Test func theTerminalAndTheWebPickTheSameNextCard() async throws {
        // Some history first: answers of every rating, so that cards are new, learning and in review.
        _ = try CLI.run(["study", "--db", database, "--limit", "8"], input: " 3 1 4 2 4 3 4 4 1 3q")
        let plan = try CLI.run("plan", "--db", database, "--new-per-day", "12")
        #expect(plan.output.contains("New cards per day: 12."), "\(plan.output)")
        let server = try await TestServer(database: database)
        defer { server.stop() }
        for round in 0..<3 {
            let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: "\(server.url)/api/study/next")))
            let web = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let card = try #require(web["card"] as? [String: Any])
            let terminal = try CLI.run(["study", "--db", database], input: "q")
            let lines = terminal.output.split(separator: "\n", omittingEmptySubsequences: false)
            let header = try #require(lines.first { $0.hasPrefix("[1] ") })
            let prompt = try #require(lines.firstIndex(of: header).map { lines[$0 + 1] })
            #expect(String(prompt) == (card["prompt"] as? String)?.split(separator: "\n").first.map(String.init), "round \(round)")
            #expect(header.hasPrefix("[1] \(web["due_count"] as? Int ?? -1) due · \(web["new_count"] as? Int ?? -1) new"), "\(header)")
            // Answer it in the terminal; both doors then move on to the same card.
            _ = try CLI.run(["study", "--db", database, "--limit", "1"], input: " 3q")
        }
    }

    @Test func anEmptySessionSaysWhyNewCardsWait() throws {
        _ = try CLI.run(["study", "--db", database, "--new", "2"], input: " 4 4q")
        let run = try CLI.run(["study", "--db", database, "--new", "2"], input: "q")
        #expect(run.output.contains("Nothing is due and no new card is left for today."), "\(run.output)")
        #expect(run.output.contains("\(Self.userGuideCards - 2) new cards wait for tomorrow: today's 2 are done."), "\(run.output)")
        #expect(run.output.contains("rehearse plan --new-per-day N"), "\(run.output)")
    }

    @Test func cardsAreFoundByTheirWordsAndShowTheirState() throws {
        let found = try CLI.run("cards", "--db", database, "--search", "gil thread", "--limit", "3")
        #expect(found.status == 0)
        let lines = found.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.contains(" new ") && $0.lowercased().contains("gil") }, "\(found.output)")
        _ = try CLI.run(["study", "--db", database, "--new", "1"], input: " 4q")
        let due = try CLI.run("cards", "--db", database, "--json", "--search", "GIL")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(due.output.utf8)) as? [[String: Any]])
        let reviewed = try #require(rows.first { $0["state"] as? String == "review" })
        #expect(reviewed["reps"] as? Int == 1)
        #expect((reviewed["stability"] as? Double ?? 0) > 1)
        #expect((reviewed["due"] as? String)?.hasSuffix("Z") == true)
        #expect(try CLI.run("cards", "--db", database, "--search", "no such words anywhere").output == "No card matches.\n")
        let unknown = try CLI.run("cards", "--db", database, "--guide", "nope")
        #expect(unknown.status == 2 && unknown.error.contains("no guide with id nope"))
    }

    @Test func cardsInAPseudoTerminalPrintWhatAPipeGets() throws {
        let piped = try CLI.run("cards", "--db", database, "--search", "gil", "--limit", "3").output
        let (status, screen) = try CLI.pseudoTerminal(database: database, command: "cards --search gil --limit 3", steps: ["What?"])
        #expect(status == 0, "\(screen)")
        // The same rows, with the terminal's line ends and no escape sequences.
        let rows = screen.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(!rows.contains("\u{1B}"), "\(screen)")
        #expect(rows.hasPrefix(piped.split(separator: "\n")[0] + "\n"), "\(rows)")
        let id = String(piped.prefix(16))
        let (suspendStatus, suspended) = try CLI.pseudoTerminal(database: database, command: "cards --id \(id) --suspend", steps: ["changed."])
        #expect(suspendStatus == 0 && suspended.contains("1 card changed."), "\(suspended)")
        let (_, marked) = try CLI.pseudoTerminal(database: database, command: "cards --marked suspended", steps: ["[suspended]"])
        #expect(marked.hasPrefix(id), "\(marked)")
    }

    @Test func cardsAreSuspendedFlaggedAndTheirHistoryShown() throws {
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(try CLI.run("cards", "--db", database, "--json", "--limit", "2").output.utf8)) as? [[String: Any]])
        let ids = rows.compactMap { $0["id"] as? String }
        #expect(ids.count == 2)
        #expect(try CLI.run("cards", "--db", database, "--id", ids[0], "--suspend").output == "1 card changed.\n")
        #expect(try CLI.run("cards", "--db", database, "--id", ids[1], "--flag", "3").status == 0)
        let suspended = try CLI.run("cards", "--db", database, "--marked", "suspended")
        #expect(suspended.output.split(separator: "\n").count == 1 && suspended.output.contains("[suspended]") && suspended.output.hasPrefix(ids[0]))
        #expect(try CLI.run("cards", "--db", database, "--marked", "flagged").output.contains("[flag green]"))
        // The suspended card is never shown: the first card of a session is the next one.
        let session = try CLI.run(["study", "--db", database, "--new", "1"], input: " 3q")
        #expect(!session.output.contains(try #require(rows[0]["prompt"] as? String)))
        #expect(session.output.contains(try #require(rows[1]["prompt"] as? String)))
        let history = try CLI.run("cards", "--db", database, "--history", ids[1])
        #expect(history.status == 0)
        let refused = try CLI.run("cards", "--db", database, "--id", "nope", "--bury")
        #expect(refused.status == 2 && refused.error.contains("no card with id nope"))
        #expect(try CLI.run("cards", "--db", database, "--suspend").status == 64)
    }

    @Test func aGuideIsDeletedAfterItsReviewsAreWritten() throws {
        _ = try CLI.run(["study", "--db", database, "--new", "2"], input: " 3 3q")
        let kept = try CLI.run(["guides", "--db", database, "--delete", "03-python-deep-dive"], input: "n\n")
        #expect(kept.output.contains("Nothing deleted."))
        #expect(try CLI.run("guides", "--db", database).output.hasPrefix("03-python-deep-dive"))
        let deleted = try CLI.run("guides", "--db", database, "--delete", "03-python-deep-dive", "--yes")
        #expect(deleted.status == 0, "\(deleted.error)")
        #expect(deleted.output.contains("Deleted 03-python-deep-dive: \(Self.userGuideCards) cards and 2 reviews"), "\(deleted.output)")
        let folder = (database as NSString).deletingLastPathComponent
        let export = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("deleted-03-python-deep-dive-") })
        let lines = try String(contentsOfFile: (folder as NSString).appendingPathComponent(export), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3 && lines[0] == "card_id,card,review_time,review_rating,review_duration")
        #expect(try CLI.run("guides", "--db", database).output.contains("No guide is imported yet"))
    }

    @Test func smallCommandLineDetails() throws {
        // A guide that is not imported is an error, not "nothing is due".
        let unknown = try CLI.run(["study", "--db", database, "--guide", "nope"], input: "q")
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("no guide with id nope; imported guides: 03-python-deep-dive"), "\(unknown.error)")
        // `plan` alone shows the plan.
        let plan = try CLI.run("plan", "--db", database)
        #expect(plan.status == 0)
        #expect(plan.output.contains("No interview date set") && plan.output.contains("New cards per day: 20."), "\(plan.output)")
        // In typed mode, q alone quits rather than being graded.
        let typed = try CLI.run(["study", "--db", database, "--type"], input: "q\n")
        #expect(typed.status == 0)
        #expect(typed.output.contains("Reviewed 0 cards"), "\(typed.output)")
        #expect(try CLI.reviewCount(database) == 0)
    }

    @Test func badInputIsNamedAndNothingStoredIsLost() throws {
        let before = try CLI.reviewCount(database)
        let broken = folder.appendingPathComponent("broken.txt")
        try Data([0x51, 0x3A, 0xFF, 0x0A]).write(to: broken)
        let run = try CLI.run("import", "--db", database, broken.path, CLI.userGuide)
        #expect(run.status == 2)
        #expect(run.error.contains("broken.txt:1:3: byte 0xFF is not valid UTF-8"))
        #expect(run.output.contains("03-python-deep-dive: 0 added, 0 changed, 0 retired, \(Self.userGuideCards) unchanged"))
        #expect(try CLI.reviewCount(database) == before)
        let notADatabase = folder.appendingPathComponent("notes.sqlite")
        try Data("just some notes".utf8).write(to: notADatabase)
        let opened = try CLI.run("stats", "--db", notADatabase.path)
        #expect(opened.status == 2)
        #expect(opened.error.contains("notes.sqlite: this is not a Rehearse database"))
        #expect(try String(contentsOf: notADatabase, encoding: .utf8) == "just some notes")
        let badDate = try CLI.run("plan", "--db", database, "--interview", "2026-02-30")
        #expect(badDate.status == 64)
        #expect(badDate.error.contains("--interview must be a date as YYYY-MM-DD"))
    }

    @Test func aReadOnlyDataFolderIsReportedClearly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), getuid() == 0 else {
            // Not root: the folder's permissions apply to this user directly.
            let readOnly = folder.appendingPathComponent("ro")
            try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
            let run = try CLI.run("stats", "--db", readOnly.appendingPathComponent("db.sqlite").path)
            #expect(run.status == 2)
            #expect(run.error.contains("is read-only"))
            return
        }
        // As root, run the check as the unprivileged user `nobody`, for whom the folder is read-only.
        let readOnly = URL(fileURLWithPath: "/tmp/rehearse-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
        defer { try? FileManager.default.removeItem(at: readOnly) }
        let binary = URL(fileURLWithPath: "/tmp/rehearse-binary-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLI.executable, to: binary)
        defer { try? FileManager.default.removeItem(at: binary) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "stats", "--db", readOnly.appendingPathComponent("db.sqlite").path]
        process.environment = ["HOME": "/tmp", "PATH": "/usr/bin:/bin"]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("is read-only"), "\(message)")
    }
}

/// Runs collected from several threads.
final class LockedRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [CLI.Run] = []

    func append(_ run: CLI.Run?) {
        guard let run else { return }
        lock.withLock { runs.append(run) }
    }

    var values: [CLI.Run] { lock.withLock { runs } }
}
