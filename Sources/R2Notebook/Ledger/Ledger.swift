import Foundation
import R2Engine
import R2Forecast
import R2Language
import R2Model

/// Forecasts registered before the facts (docs/BACKTEST.md): an
/// append-only file of JSON lines, one a (file, question), each with the
/// date it was registered, the scenario's digest, its probability, and a
/// hash chained to the line before, so that a rewritten entry breaks the
/// chain. Outcomes are entered apart (`ledger/outcomes.json`, with a
/// source) and scored by `r2cast backtest`.
public struct Ledger {
    public static let defaultPath = "ledger/forecasts.jsonl"
    public static let defaultOutcomesPath = "ledger/outcomes.json"

    /// One registered forecast.
    public struct Entry: Sendable, Equatable {
        public var registered: String
        public var question: String
        public var text: String
        public var file: String
        public var scenario: String
        public var asOf: String?
        public var digest: String
        public var trials: Int
        public var seed: UInt64
        public var p: Double
        public var se: Double
        /// The hash of the line before ("" for the first).
        public var previous: String
        public var hash: String = ""

        /// The line without its hash, in a fixed member order.
        var body: JSONValue {
            .object([
                ("registered", .string(registered)), ("question", .string(question)), ("text", .string(text)),
                ("file", .string(file)), ("scenario", .string(scenario)),
                ("as_of", asOf.map(JSONValue.string) ?? .null),
                ("digest", .string(digest)), ("trials", .integer(trials)),
                ("seed", seed <= UInt64(Int.max) ? .integer(Int(seed)) : .string(String(seed))),
                ("p", .number(p)), ("se", .number(se)), ("previous", .string(previous)),
            ])
        }

        /// The line as written: the body with its hash as the last member.
        var line: String {
            let text = body.serialized
            return String(text.dropLast()) + ",\"hash\":\"\(hash)\"}"
        }
    }

    /// FNV-1a, 64 bits, of a line's body, in 16 hex digits.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Why the ledger's lines do not form an unbroken chain, or nil: each
    /// line's hash is that of its body, and each names the line before.
    public static func verify(_ text: String) -> String? {
        var previous = ""
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let range = line.range(of: ",\"hash\":\"", options: .backwards), line.hasSuffix("\"}") else {
                return "line \(i + 1) has no hash"
            }
            let body = String(line[..<range.lowerBound]) + "}"
            let stated = String(line[range.upperBound...].dropLast(2))
            guard hash(body) == stated else {
                return "line \(i + 1) was changed after it was registered (its hash does not match)"
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                object["previous"] as? String == previous
            else { return "line \(i + 1) does not follow line \(i)" }
            previous = stated
        }
        return nil
    }

    /// The hash of the ledger's last line ("" when empty).
    static func lastHash(_ text: String) -> String {
        guard let last = text.split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        else { return "" }
        return object["hash"] as? String ?? ""
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The forecasts of every open question by each file's main scenario,
    /// appended to the ledger at `path` (written atomically); returns the
    /// new entries. A question a scenario cannot answer is skipped. An
    /// existing ledger whose chain is broken is refused.
    public static func register(
        files: [String], at path: String, on date: CalendarDate, trials: Int? = nil, seed: UInt64? = nil,
        threads: Int = SimulationOptions.defaultThreads
    ) throws(Failure) -> [Entry] {
        var text = ""
        if FileManager.default.fileExists(atPath: path) {
            guard case .success(let read) = FileSourceLoader().read(path) else {
                throw Failure(description: "cannot read \(path)")
            }
            text = read
            if let problem = verify(text) { throw Failure(description: "\(path): \(problem): it is not appended to") }
        }
        // The ledger is in the order of registration: a date before its
        // last entry's would put a forecast among earlier ones.
        if let last = entries(text).last?.registered, date.description < last {
            throw Failure(description: "\(path): its last entry was registered on \(last), after \(date)")
        }
        var previous = lastHash(text)
        var entries: [Entry] = []
        let runner = BacktestRunner(options: BacktestRunner.Options(trials: trials, seed: seed, threads: threads))
        for file in files {
            let session = Session(configuration: SessionConfiguration(trials: trials, seed: seed, threads: threads))
            let cell = session.load(path: file)
            guard !cell.failed, let scenario = session.workspace.currentScenario else {
                throw Failure(
                    description: "\(file) does not load: " + (cell.outputs.first { $0.isError }?.plainText ?? ""))
            }
            // A forecast is registered on or after the date of its knowledge.
            if let asOf = scenario.knownAsOf, date < asOf {
                throw Failure(description: "\(file) is as of \(asOf): it cannot be registered on \(date), before that")
            }
            let (n, s) = session.runParameters(scenario)
            let result: SimulationResult
            do {
                result = try runner.simulate(scenario, in: session, trials: n, seed: s)
            } catch {
                throw Failure(description: "\(file): \(error)")
            }
            let releases = ReleaseDistribution(releases: result.releases, horizon: result.steps)
            let named = ReleaseDistribution(releases: result.namedReleases, horizon: result.steps)
            // A question settled by the registration date is not open.
            for q in LedgerQuestion.open where !(q.settles < date) {
                guard let p = q.event.probability(result, releases: releases, named: named) else { continue }
                var entry = Entry(
                    registered: date.description, question: q.id, text: q.text, file: file, scenario: scenario.name,
                    asOf: scenario.knownAsOf?.description, digest: scenario.fingerprint, trials: n, seed: s,
                    p: p.value, se: p.standardError, previous: previous)
                entry.hash = hash(entry.body.serialized)
                previous = entry.hash
                entries.append(entry)
            }
        }
        let appended = text + entries.map { $0.line + "\n" }.joined()
        do {
            try AtomicFile.write(appended, to: path)
        } catch {
            throw Failure(description: error.description)
        }
        return entries
    }

    /// An outcome entered for a ledger question, with its source.
    public struct Outcome: Sendable {
        public var question: String
        public var outcome: Bool
        public var observed: String
        public var source: String
    }

    /// The outcomes file: `{"outcomes": [{"question", "outcome", "observed", "source"}]}`;
    /// none when it is missing. An outcome without a source is refused.
    public static func outcomes(at path: String) throws(Failure) -> [Outcome] {
        guard case .success(let text) = FileSourceLoader().read(path) else { return [] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let list = object["outcomes"] as? [[String: Any]]
        else { throw Failure(description: "\(path): expected {\"outcomes\": [...]}") }
        var result: [Outcome] = []
        for (i, item) in list.enumerated() {
            guard let q = item["question"] as? String, let o = item["outcome"] as? Bool,
                let observed = item["observed"] as? String, let source = item["source"] as? String, !source.isEmpty
            else {
                throw Failure(description: "\(path): outcome \(i + 1) needs question, outcome, observed and a source")
            }
            result.append(Outcome(question: q, outcome: o, observed: observed, source: source))
        }
        return result
    }

    /// The entries of the ledger text.
    public static func entries(_ text: String) -> [(question: String, file: String, registered: String, p: Double)] {
        text.split(separator: "\n").compactMap { line in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let q = o["question"] as? String, let f = o["file"] as? String, let r = o["registered"] as? String,
                let p = o["p"] as? Double
            else { return nil }
            return (q, f, r, p)
        }
    }
}

extension Ledger {
    /// The registered forecasts scored on the outcomes entered so far: a
    /// line per entry whose outcome is known (its Brier score), the count
    /// still open, and whether the chain holds.
    public static func report(ledgerPath: String, outcomesPath: String) throws(Failure) -> [String] {
        guard case .success(let text) = FileSourceLoader().read(ledgerPath) else { return [] }
        var lines = ["Registered forecasts (\(ledgerPath)):"]
        if let problem = verify(text) { lines.append("  warning: \(problem)") }
        let known = try outcomes(at: outcomesPath)
        let all = entries(text)
        // A question a file registered on several dates weighs once in the
        // mean, at the mean of its registrations' scores: registering again
        // must not give a question more weight than the others.
        var briers: [String: [Double]] = [:]
        var order: [String] = []
        var resolved = 0
        for e in all {
            guard let o = known.first(where: { $0.question == e.question }) else { continue }
            let brier = (e.p - (o.outcome ? 1 : 0)) * (e.p - (o.outcome ? 1 : 0))
            let key = e.question + "\u{0}" + e.file
            if briers[key] == nil { order.append(key) }
            briers[key, default: []].append(brier)
            resolved += 1
            lines.append(
                "  \(e.question)  registered \(e.registered) from \(e.file): p \(Format.percent(e.p)), outcome \(o.outcome ? "yes" : "no") (\(o.observed), \(o.source)), Brier \(Format.fixed(brier, digits: 3))"
            )
        }
        let means = order.map { key in briers[key]!.reduce(0, +) / Double(briers[key]!.count) }
        var summary = "  \(all.count) entries; \(resolved) resolved"
        if !means.isEmpty {
            let mean = Format.fixed(means.reduce(0, +) / Double(means.count), digits: 3)
            summary +=
                resolved == means.count
                ? ", mean Brier \(mean) against 0.250"
                : ", mean Brier \(mean) against 0.250 over \(means.count) questions and files (each the mean of its registrations)"
        }
        lines.append(summary + "; \(all.count - resolved) still open")
        return lines
    }
}
