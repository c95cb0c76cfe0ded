import Foundation
import R2Forecast
import R2Model
import Testing

@testable import R2Notebook

/// The ledger of forecasts registered before the facts: it only grows, its
/// chain of hashes catches a rewritten entry, and outcomes need a source.
@Suite(.serialized) struct LedgerTests {
    static let scenario = """
        scenario small
        as of 2025-09-01
        clock 2025-01 to 2027-12
        trials 2000
        seed 4
        chip h800 foreign perf 1 fail 2%
        chip asc domestic perf 0.4
        fleet h800 1k
        r2 start 2025-02 needs 10k to 30k chip-months post 1 month
        r2 fold 3% per month
        sector ship h800 100k per month
        sector make asc 50k to 150k per month

        """

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try scenario.write(to: url.appendingPathComponent("s.r2s"), atomically: true, encoding: .utf8)
        return url
    }

    @Test func registeringAppendsAndNeverRewrites() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = dir.appendingPathComponent("forecasts.jsonl").path
        let file = dir.appendingPathComponent("s.r2s").path
        let first = try Ledger.register(
            files: [file], at: ledger, on: CalendarDate(year: 2026, month: 12, day: 7)!, threads: 2)
        // Every open question this scenario can answer: named R2, its flagship,
        // the sector in 2026 and 2027.
        #expect(first.map(\.question) == LedgerQuestion.open.map(\.id))
        let before = try String(contentsOfFile: ledger, encoding: .utf8)
        #expect(Ledger.verify(before) == nil)
        let second = try Ledger.register(
            files: [file], at: ledger, on: CalendarDate(year: 2026, month: 12, day: 8)!, threads: 2)
        let after = try String(contentsOfFile: ledger, encoding: .utf8)
        #expect(after.hasPrefix(before))
        #expect(after.split(separator: "\n").count == first.count + second.count)
        #expect(Ledger.verify(after) == nil)
        #expect(second[0].previous == first.last!.hash)
        // The same scenario, seed and trials give the same probabilities.
        #expect(first.map(\.p) == second.map(\.p))
        #expect(first.allSatisfy { $0.digest == first[0].digest && $0.asOf == "2025-09-01" })
    }

    @Test func aRewrittenEntryBreaksTheChain() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = dir.appendingPathComponent("forecasts.jsonl").path
        let entries = try Ledger.register(
            files: [dir.appendingPathComponent("s.r2s").path], at: ledger,
            on: CalendarDate(year: 2026, month: 12, day: 7)!,
            threads: 2)
        let text = try String(contentsOfFile: ledger, encoding: .utf8)
        let p = String(format: "%.17g", entries[0].p)
        let forged = text.replacingOccurrences(of: "\"p\":\(JSONValueText.number(entries[0].p))", with: "\"p\":0.5")
        #expect(forged != text, "\(p)")
        #expect(Ledger.verify(forged) == "line 1 was changed after it was registered (its hash does not match)")
        let dropped = text.split(separator: "\n").dropFirst().joined(separator: "\n")
        #expect(Ledger.verify(dropped) == "line 1 does not follow line 0")
        // A broken ledger is not appended to.
        try forged.write(toFile: ledger, atomically: true, encoding: .utf8)
        #expect(throws: Ledger.Failure.self) {
            _ = try Ledger.register(
                files: [dir.appendingPathComponent("s.r2s").path], at: ledger,
                on: CalendarDate(year: 2026, month: 12, day: 8)!,
                threads: 2)
        }
    }

    @Test func outcomesNeedASourceAndAreScored() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = dir.appendingPathComponent("forecasts.jsonl").path
        let outcomes = dir.appendingPathComponent("outcomes.json").path
        let entries = try Ledger.register(
            files: [dir.appendingPathComponent("s.r2s").path], at: ledger,
            on: CalendarDate(year: 2026, month: 12, day: 7)!,
            threads: 2)
        try
            #"{"outcomes": [{"question": "sector-2026-above-50", "outcome": true, "observed": "2027-04-01", "source": "seeds/x.md"}]}"#
            .write(toFile: outcomes, atomically: true, encoding: .utf8)
        let lines = try Ledger.report(ledgerPath: ledger, outcomesPath: outcomes)
        let p = entries.first { $0.question == "sector-2026-above-50" }!.p
        let brier = (p - 1) * (p - 1)
        #expect(
            lines.contains {
                $0.contains("sector-2026-above-50") && $0.contains("Brier \(String(format: "%.3f", brier))")
            })
        #expect(lines.last!.contains("\(entries.count) entries; 1 resolved"))
        try #"{"outcomes": [{"question": "x", "outcome": true, "observed": "2027-04-01", "source": ""}]}"#
            .write(toFile: outcomes, atomically: true, encoding: .utf8)
        #expect(throws: Ledger.Failure.self) { _ = try Ledger.outcomes(at: outcomes) }
    }

    /// A question registered again weighs once in the mean Brier: the mean
    /// of its registrations, then the mean over questions and files.
    @Test func aQuestionRegisteredTwiceWeighsOnce() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = dir.appendingPathComponent("forecasts.jsonl").path
        let outcomes = dir.appendingPathComponent("outcomes.json").path
        let file = dir.appendingPathComponent("s.r2s").path
        let first = try Ledger.register(
            files: [file], at: ledger, on: CalendarDate(year: 2026, month: 12, day: 7)!, threads: 2)
        // A different domestic output, so the second registration's p differs;
        // by 2027-01-05 the 2026 question is settled and not registered again.
        try Self.scenario.replacingOccurrences(of: "50k to 150k", with: "200k to 400k").write(
            toFile: file, atomically: true, encoding: .utf8)
        let second = try Ledger.register(
            files: [file], at: ledger, on: CalendarDate(year: 2027, month: 1, day: 5)!, threads: 2)
        #expect(!second.contains { $0.question == "sector-2026-above-50" })
        try #"""
        {"outcomes": [
          {"question": "sector-2026-above-50", "outcome": true, "observed": "2027-04-01", "source": "seeds/x.md"},
          {"question": "sector-2027-above-60", "outcome": false, "observed": "2028-04-01", "source": "seeds/y.md"}
        ]}
        """#.write(toFile: outcomes, atomically: true, encoding: .utf8)
        func p(_ entries: [Ledger.Entry], _ q: String) throws -> Double {
            try #require(entries.first { $0.question == q }).p
        }
        let a = try p(first, "sector-2026-above-50")
        let (b1, b2) = (try p(first, "sector-2027-above-60"), try p(second, "sector-2027-above-60"))
        #expect(b1 != b2)
        let expected = ((a - 1) * (a - 1) + (b1 * b1 + b2 * b2) / 2) / 2
        let lines = try Ledger.report(ledgerPath: ledger, outcomesPath: outcomes)
        #expect(
            lines.last
                == "  \(first.count + second.count) entries; 3 resolved, mean Brier \(String(format: "%.3f", expected)) against 0.250 over 2 questions and files (each the mean of its registrations); \(first.count + second.count - 3) still open"
        )
        // Not the mean over the three entries (which weighs the 2027 question twice).
        let perEntry = ((a - 1) * (a - 1) + b1 * b1 + b2 * b2) / 3
        #expect(String(format: "%.3f", perEntry) != String(format: "%.3f", expected))
    }

    /// The repository's ledger only grows: every committed version of it is
    /// a prefix of the next and of the working copy, and its chain holds.
    @Test func theRepositorysLedgerOnlyGrows() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent(Ledger.defaultPath).path
        let current = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Ledger.verify(current) == nil)
        #expect(!current.isEmpty)
        func git(_ args: [String]) -> String? {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", root.path] + args
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            guard (try? p.run()) != nil else { return nil }
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
        }
        // Oldest first; the working copy last.
        let commits = git(["log", "--format=%H", "--reverse", "--", Ledger.defaultPath])?.split(separator: "\n") ?? []
        var versions = commits.compactMap { git(["show", "\($0):\(Ledger.defaultPath)"]) }
        versions.append(current)
        for (a, b) in zip(versions, versions.dropFirst()) {
            #expect(b.hasPrefix(a), "a committed ledger entry was rewritten or removed")
        }
    }

    /// A registration is dated on or after its scenario's as-of date and
    /// after the ledger's last entry, and asks only the questions not yet
    /// settled on its date; `--date` accepted any day, so the backtest
    /// scored as "registered before the facts" forecasts dated after them.
    @Test func aRegistrationIsDatedWhereItCanBe() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = dir.appendingPathComponent("forecasts.jsonl").path
        let file = dir.appendingPathComponent("s.r2s").path
        #expect(throws: Ledger.Failure.self) {
            _ = try Ledger.register(
                files: [file], at: ledger, on: CalendarDate(year: 2025, month: 8, day: 1)!, threads: 2)
        }
        let open = try Ledger.register(
            files: [file], at: ledger, on: CalendarDate(year: 2026, month: 12, day: 7)!, threads: 2)
        #expect(open.map { $0.question } == LedgerQuestion.open.map { $0.id })
        // Before the last entry: refused, and nothing appended.
        let before = try String(contentsOfFile: ledger, encoding: .utf8)
        do {
            _ = try Ledger.register(
                files: [file], at: ledger, on: CalendarDate(year: 2026, month: 11, day: 1)!, threads: 2)
            Issue.record("registered before the ledger's last entry")
        } catch {
            #expect("\(error)" == "\(ledger): its last entry was registered on 2026-12-07, after 2026-11-01")
        }
        #expect(try String(contentsOfFile: ledger, encoding: .utf8) == before)
        // After 2026: the 2026 sector question is settled and not asked.
        let later = try Ledger.register(
            files: [file], at: ledger, on: CalendarDate(year: 2027, month: 2, day: 1)!, threads: 2)
        #expect(later.map { $0.question } == ["named-r2-by-2027-06", "flagship-by-2027-06", "sector-2027-above-60"])
    }
}

/// A number as JSONValue writes it, for finding it in a ledger line.
enum JSONValueText {
    static func number(_ x: Double) -> String {
        let line = R2Forecast.JSONValue.number(x).serialized
        return line
    }

}
